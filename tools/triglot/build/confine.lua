-- triglot: LuaTeX's Lua confined to the edition's build folder (run as `lualatex --lua=<this file>`).
--
-- Loaded before the format, so before any package and any \directlua of the document. Files may be
-- read under the folders of TRIGLOT_TEX_READ and TRIGLOT_TEX_WRITE, written only under those of
-- TRIGLOT_TEX_WRITE (the build folder and the edition's font cache); nothing runs a program, loads a
-- C library or changes this confinement. Paths are made absolute and cleaned of '.' and '..' before
-- they are checked, and the cleaned path is what is opened.

-- What luatex-core.lua adds to lfs when LuaTeX starts without --lua: packages (luaotfload) need it.
local attributes, symlinkattributes = lfs.attributes, lfs.symlinkattributes
lfs.isfile = lfs.isfile or function(name)
  local mode = attributes(name, "mode")
  return mode == "file" or mode == "link"
end
lfs.isdir = lfs.isdir or function(name) return attributes(name, "mode") == "directory" end
lfs.shortname = lfs.shortname or function(name) return name end
lfs.readlink = lfs.readlink or function(name) return symlinkattributes(name, "target") or nil end

local getenv, gmatch, sub, find, concat = os.getenv, string.gmatch, string.sub, string.find, table.concat
local currentdir = lfs.currentdir
local error, type, tostring, select, unpack = error, type, tostring, select, table.unpack

local function folders(variable)
  local list = {}
  for folder in gmatch(getenv(variable) or "", "[^:]+") do
    list[#list + 1] = (sub(folder, -1) == "/") and sub(folder, 1, -2) or folder
  end
  return list
end

local writable = folders("TRIGLOT_TEX_WRITE")
local readable = folders("TRIGLOT_TEX_READ")
for _, folder in ipairs(writable) do readable[#readable + 1] = folder end
local cwd = currentdir()

-- The absolute, cleaned form of a path (nil for anything that is not a plain path).
local function clean(name)
  if type(name) ~= "string" or name == "" or find(name, "\0", 1, true) then return nil end
  if sub(name, 1, 1) ~= "/" then name = cwd .. "/" .. name end
  local parts = {}
  for part in gmatch(name, "[^/]+") do
    if part == ".." then parts[#parts] = nil elseif part ~= "." then parts[#parts + 1] = part end
  end
  return "/" .. concat(parts, "/")
end

local function under(path, list)
  for _, folder in ipairs(list) do
    if path == folder or sub(path, 1, #folder + 1) == folder .. "/" then return true end
  end
  return false
end

-- The cleaned path when it may be opened (for writing when `write`), else nil and the reason.
local function allowed(name, write)
  local path = clean(name)
  if path and under(path, write and writable or readable) then return path end
  return nil, "triglot: " .. (write and "writing " or "reading ") .. tostring(name) .. " is not allowed"
end

local function denied(what)
  return function() return nil, "triglot: " .. what .. " is not allowed" end
end

local function writes(mode)
  return type(mode) == "string" and (find(mode, "[wa+]") ~= nil)
end

local io_open, io_lines, io_input, io_output = io.open, io.lines, io.input, io.output
io.open = function(name, mode)
  local path, why = allowed(name, writes(mode))
  if not path then return nil, why end
  return io_open(path, mode)
end
io.lines = function(name, ...)
  if name == nil then return io_lines() end
  local path, why = allowed(name, false)
  if not path then error(why, 2) end
  return io_lines(path, ...)
end
io.input = function(file)
  if type(file) ~= "string" then return io_input(file) end
  local path, why = allowed(file, false)
  if not path then error(why, 2) end
  return io_input(path)
end
io.output = function(file)
  if type(file) ~= "string" then return io_output(file) end
  local path, why = allowed(file, true)
  if not path then error(why, 2) end
  return io_output(path)
end
io.popen = denied("running a program")

local loadfile_, dofile_ = loadfile, dofile
loadfile = function(name, ...)
  if name == nil then return loadfile_() end
  local path, why = allowed(name, false)
  if not path then return nil, why end
  return loadfile_(path, ...)
end
dofile = function(name)
  if name == nil then return dofile_() end
  local path, why = allowed(name, false)
  if not path then error(why, 2) end
  return dofile_(path)
end

local os_remove, os_rename = os.remove, os.rename
os.remove = function(name)
  local path, why = allowed(name, true)
  if not path then return nil, why end
  return os_remove(path)
end
os.rename = function(old, new)
  local from, why = allowed(old, true)
  local to, why_to = allowed(new, true)
  if not from or not to then return nil, why or why_to end
  return os_rename(from, to)
end
for _, name in ipairs({ "execute", "exec", "spawn", "kpsepopen", "setenv", "tmpname", "tmpdir" }) do
  if os[name] then os[name] = denied("os." .. name) end
end

local lfs_mkdir, lfs_rmdir, lfs_touch, lfs_dir = lfs.mkdir, lfs.rmdir, lfs.touch, lfs.dir
lfs.mkdir = function(name, ...)
  local path, why = allowed(name, true)
  if not path then return nil, why end
  return lfs_mkdir(path, ...)
end
lfs.rmdir = function(name)
  local path, why = allowed(name, true)
  if not path then return nil, why end
  return lfs_rmdir(path)
end
lfs.touch = function(name, ...)
  local path, why = allowed(name, true)
  if not path then return nil, why end
  return lfs_touch(path, ...)
end
lfs.dir = function(name)
  local path, why = allowed(name, false)
  if not path then error(why, 2) end
  return lfs_dir(path)
end
for _, name in ipairs({ "chdir", "link", "lock", "unlock", "lock_dir", "setmode" }) do
  if lfs[name] then lfs[name] = denied("lfs." .. name) end
end

-- No C code: no library loaded by path, no C module searched, no FFI.
package.loadlib = denied("loading a library")
package.cpath = ""
local searchers = package.searchers or package.loaders
for index = #searchers, 3, -1 do table.remove(searchers, index) end
local lua_searcher, lua_path = searchers[2], package.path
if lua_searcher then
  searchers[2] = function(name, ...)
    package.path = lua_path -- a document may not point the searcher elsewhere
    return lua_searcher(name, ...)
  end
end
package.loaded.ffi, package.preload.ffi, ffi = nil, nil, nil

-- Libraries that open a file by name.
local function guard_opener(library, name)
  local open = library and library[name]
  if open then
    library[name] = function(file, ...)
      local path, why = allowed(file, false)
      if not path then return nil, why end
      return open(path, ...)
    end
  end
end
guard_opener(pdfe, "open")
guard_opener(epdf, "open")
guard_opener(fontloader, "open")
guard_opener(fontloader, "info")
if mplib then
  local mplib_new = mplib.new
  mplib.new = function(options)
    options = options or {}
    local find = options.find_file or function(name) return kpse.find_file(name) or name end
    options.find_file = function(name, mode, kind)
      local found = find(name, mode, kind)
      if found and allowed(found, mode == "w") then return allowed(found, mode == "w") end
      return nil
    end
    return mplib_new(options)
  end
end

-- Files TeX itself opens through a callback (\input, fonts, images, \pdfextension obj file…).
local file_callbacks = {
  find_read_file = 2, find_write_file = 2, find_font_file = 1, find_output_file = 1, find_format_file = 1,
  find_vf_file = 1, find_map_file = 1, find_enc_file = 1, find_pk_file = 1, find_data_file = 1,
  find_opentype_file = 1, find_truetype_file = 1, find_type1_file = 1, find_image_file = 1,
  open_read_file = 1, read_font_file = 1, read_vf_file = 1, read_map_file = 1, read_enc_file = 1,
  read_pk_file = 1, read_data_file = 1, read_sfd_file = 1, read_cidmap_file = 1, read_opentype_file = 1,
  read_truetype_file = 1, read_type1_file = 1,
}
local writing_callbacks = { find_write_file = true, find_output_file = true }

local function checked(callback, name_at, func)
  local writing = writing_callbacks[callback] or false
  return function(...)
    local name = select(name_at, ...)
    local results = { func(...) }
    if find(callback, "^find_") then
      -- A name that is not a string makes LuaTeX open the name it asked for: that one is checked then.
      local candidate = type(results[1]) == "string" and results[1] or name
      local path = candidate == "" and "" or allowed(candidate, writing)
      if not path then
        texio.write_nl("term and log", "triglot: " .. callback .. " refused " .. tostring(candidate))
        return "" -- not nil: LuaTeX would then open the name it asked for
      end
      if type(results[1]) == "string" then results[1] = path end
    elseif not allowed(name, false) then -- open_read_file, read_*_file
      texio.write_nl("term and log", "triglot: " .. callback .. " refused " .. tostring(name))
      return nil
    end
    return unpack(results)
  end
end

-- kpathsea's own finders, for the file callbacks nobody else registers (TeX would open any path it is given).
local find_file = kpse.find_file
local defaults = {
  find_read_file = function(id, name) return find_file(name, "tex") or name end,
  find_write_file = function(id, name) return name end,
  find_output_file = function(name) return name end,
  find_data_file = function(name) return find_file(name, "tex") or name end,
  find_image_file = function(name) return find_file(name, "graphic/figure") or name end,
  find_opentype_file = function(name) return find_file(name, "opentype fonts") or name end,
  find_truetype_file = function(name) return find_file(name, "truetype fonts") or name end,
  find_type1_file = function(name) return find_file(name, "type1 fonts") or name end,
  find_font_file = function(name) return find_file(name, "tfm") or name end,
  find_vf_file = function(name) return find_file(name, "vf") or name end,
  find_map_file = function(name) return find_file(name, "map") or name end,
  find_enc_file = function(name) return find_file(name, "enc") or name end,
}

-- Every file callback is checked; one that is unregistered falls back to its checked default.
local callback_register = callback.register
callback.register = function(name, func, ...)
  local name_at = file_callbacks[name]
  if name_at then
    func = type(func) == "function" and func or defaults[name]
    if func then func = checked(name, name_at, func) end
  end
  return callback_register(name, func, ...)
end
for name, func in pairs(defaults) do callback.register(name, func) end

-- Nothing may reach the originals kept above.
if debug then
  for _, name in ipairs({ "getupvalue", "setupvalue", "upvalueid", "upvaluejoin", "getlocal", "setlocal",
                          "getregistry", "sethook", "setmetatable", "getmetatable", "setuservalue",
                          "getuservalue" }) do
    debug[name] = nil
  end
end
