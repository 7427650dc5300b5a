"""SVG images are converted to PDF for the PDF edition; an image LaTeX still cannot include is left out with a warning.

``\\includegraphics`` takes PDF, PNG and JPEG. Sphinx picks one of those for
``image.*``, and a project's own image converter (``sphinx.ext.imgconverter``,
``sphinxcontrib.rsvgconverter``) turns other files into one. When the project
registers no converter for SVG, :class:`SvgToPdf` (one of Sphinx's image
converters) converts each SVG image of the LaTeX build to a PDF with
``rsvg-convert`` (Debian's librsvg2-bin): vector drawings stay vector, text
stays text. rsvg-convert reads no URL, and no file outside the SVG's folder.

An image that still reaches LaTeX in a type it cannot include would stop the
build (``Unknown graphics extension: .svg``): the PDF leaves it out, with a
warning naming it, and for an SVG that rsvg-convert would have converted, the
package to install or what rsvg-convert said.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import subprocess
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.transforms.post_transforms.images import ImageConverter
from sphinx.util import logging

from triglot.build.tex import OPTIONAL_PROGRAMS

logger = logging.getLogger(__name__)

SVG = "image/svg+xml"
CONVERTER = "rsvg-convert"


def project_converts_svg(app: Sphinx) -> bool:
    """True when the project registered an image converter of its own that takes SVG."""
    return any(isinstance(transform, type) and issubclass(transform, ImageConverter) and transform is not SvgToPdf
               and any(rule[0] == SVG for rule in getattr(transform, "conversion_rules", None) or ())
               for transform in app.registry.get_post_transforms())


class SvgToPdf(ImageConverter):
    """Convert the SVG images of a LaTeX build to PDF with rsvg-convert, unless the project converts SVG itself."""

    conversion_rules = [(SVG, "application/pdf")]

    def apply(self, **kwargs: Any) -> None:
        self.failed: list[tuple[nodes.image, str]] = []
        super().apply(**kwargs)
        for image, failure in self.failed:
            logger.warning("the PDF leaves out %s", failure, location=image, type="triglot", subtype="image")
            image.parent.remove(image)

    def match(self, node: nodes.image) -> bool:
        return (self.app.builder.format == "latex" and not project_converts_svg(self.app)
                and super().match(node))

    def is_available(self) -> bool:
        return shutil.which(CONVERTER) is not None

    def handle(self, node: nodes.image) -> None:
        self.failure = ""
        super().handle(node)
        if self.failure:
            self.failed.append((node, self.failure))

    def convert(self, _from: str | os.PathLike[str], _to: str | os.PathLike[str]) -> bool:
        """Write *_to*, the PDF of the SVG *_from*; False (what went wrong kept for the warning) when it cannot."""
        completed = subprocess.run([CONVERTER, "--format=pdf", f"--output={os.fspath(_to)}", os.fspath(_from)],
                                   capture_output=True, text=True, errors="replace")
        if completed.returncode != 0:
            said = " ".join(completed.stderr.split()) or f"it exited {completed.returncode}"
            self.failure = f"{os.path.relpath(_from, self.env.srcdir)}: {CONVERTER} cannot convert it: {said}"
            return False
        return True


class LeaveOutImagesLatexCannotInclude(SphinxPostTransform):
    """Remove each local image whose file type the LaTeX builder does not include."""

    default_priority = 300  # after Sphinx's image converters (100–200)
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        supported = self.app.builder.supported_image_types
        for image in list(self.document.findall(nodes.image)):
            uri = image["uri"]
            if "?" in image.get("candidates", {}) or "://" in uri or uri.startswith("data:"):
                continue
            mimetype = mimetypes.guess_type(uri)[0]
            if mimetype and mimetype not in supported:
                if mimetype == SVG and not project_converts_svg(self.app) and shutil.which(CONVERTER) is None:
                    advice = (f"{CONVERTER}, which converts SVG to PDF, is missing here: install the Debian package "
                              f"{OPTIONAL_PROGRAMS[CONVERTER]}")
                else:
                    advice = "name it image.* with a PNG or PDF beside it, or add an image converter"
                logger.warning("the PDF leaves out %s: LaTeX takes PDF, PNG and JPEG images, not %s (%s)", uri,
                               mimetype, advice, location=image, type="triglot", subtype="image")
                image.parent.remove(image)


def setup(app: Sphinx) -> None:
    """Convert SVG images to PDF for LaTeX; leave out of a PDF the images LaTeX cannot include."""
    app.add_post_transform(SvgToPdf)
    app.add_post_transform(LeaveOutImagesLatexCannotInclude)
