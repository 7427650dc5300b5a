"""An image a PDF cannot include (an SVG named by its file name) is left out with a warning, not a LaTeX failure.

Sphinx picks a PDF, PNG or JPEG for ``image.*``, and a project's image converter
(``sphinx.ext.imgconverter``) turns other files into one of those; an image named
with its own extension that is none of them reaches LaTeX as it is, and
``\\includegraphics`` stops the build (``Unknown graphics extension: .svg``). The
PDF leaves such an image out; each one gets a warning naming it.
"""

from __future__ import annotations

import mimetypes
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

logger = logging.getLogger(__name__)


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
                logger.warning("the PDF leaves out %s: LaTeX takes PDF, PNG and JPEG images, not %s (name it "
                               "image.* with a PNG or PDF beside it, or add an image converter)", uri, mimetype,
                               location=image, type="triglot", subtype="image")
                image.parent.remove(image)


def setup(app: Sphinx) -> None:
    """Leave out of a PDF the images LaTeX cannot include."""
    app.add_post_transform(LeaveOutImagesLatexCannotInclude)
