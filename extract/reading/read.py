"""The read stage: input paths → files → decoded text → Articles, with errors that say what to fix.

`iter_input_files` lists the files under the given paths, `read_file` turns one file into its
articles plus the errors of any part (a JSONL line, a JSON item) that could not be read, and
`decode` turns bytes into text without guessing blindly.
"""

from __future__ import annotations

import codecs
import dataclasses
import errno
import json
import os
import re
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.reading.article import Article, ReadError, ReadNote

__all__ = [
    "SUFFIXES",
    "FolderNotListed",
    "LinkNotFollowed",
    "ReadResult",
    "decode",
    "iter_input_files",
    "read_file",
]

SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})

_TEXT_KEYS = ("text", "content", "body", "article")
_TITLE_KEYS = ("title", "headline")
_PUBLISHED_KEYS = ("published", "publish_time", "date", "pubdate")
_ID_KEYS = ("id", "doc_id")
_URL_KEYS = ("url",)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings a declaration or a detector may name, mapped to the superset that decodes them safely.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs"}
_CHINESE_ENCODINGS = frozenset({"gb18030", "big5hkscs", "cp950", "hz"})
_UNTRUSTED_DECLARATIONS = frozenset({"utf-8", "latin-1", "iso8859-1", "cp1252"})
_DECLARED_CHARSET = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
_DECLARATION_WINDOW = 4096
# C0 controls other than tab, newline, vertical tab, form feed and carriage return, plus DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_CONTROL_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.05
_CONVERT_HINT = "save it as UTF-8 text, or remove it from the input"


@dataclass(frozen=True)
class ReadResult:
    """What one file yields: the articles that could be read, and an error for each file or part
    (JSONL line, JSON list item) that could not. A file that fails as a whole has no articles and
    one error."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)
    notes: list[ReadNote] = field(default_factory=list)


# --- decoding -----------------------------------------------------------------------------------


def decode(data: bytes, path: str) -> str:
    """Return the text of a file's bytes, with a leading byte-order mark removed and nothing else
    changed (line endings included: evidence spans index this text).

    UTF-8 (with or without BOM) is tried first and strictly; then a UTF-16/32 BOM; then the
    charset the file declares (`<meta charset>`, `encoding=`), unless its bytes read as Chinese
    in another encoding and not in the declared one; then detection (GB18030, Big5...).
    Raises ReadError naming `path` for binary data or bytes that no text encoding fits.
    """
    return _decode(data, path)[0]


def _decode(data: bytes, path: str) -> tuple[str, ReadNote | None]:
    """`decode`, and a note when the file's declared charset was not believed."""
    note = None
    text = _decode_by_bom(data, path)
    if text is None:
        if b"\x00" in data:
            raise ReadError(
                path, f"looks like a binary file (it contains NUL bytes), not text; {_CONVERT_HINT}."
            )
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text, note = _decode_non_utf8(data, path)
    _reject_control_heavy(text, path)
    return text, note


def _decode_by_bom(data: bytes, path: str) -> str | None:
    """The text after a leading byte-order mark, decoded as the mark says; None if there is none."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_strict(data[len(bom) :], encoding, path)
    return None


def _decode_strict(data: bytes, encoding: str, path: str) -> str:
    """`data` decoded as `encoding` (which its byte-order mark named); ReadError if it does not fit."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise ReadError(
            path,
            f"starts with a {encoding} byte-order mark but byte {e.start} is not valid {encoding}; "
            f"{_CONVERT_HINT}.",
        ) from e


def _decode_non_utf8(data: bytes, path: str) -> tuple[str, ReadNote | None]:
    """Decode bytes that are not UTF-8: by the declared charset if it fits, else by detection.

    A declaration can lie: GBK bytes declared `iso-8859-5` decode without error into Cyrillic
    nonsense. When the declared charset gives text that is mostly not Chinese and detection finds
    a Chinese encoding that gives Chinese, the bytes are trusted, with a note."""
    declared = _declared_encoding(data[:_DECLARATION_WINDOW])
    # A single-byte Western charset decodes any bytes, so its declaration proves nothing.
    if declared is not None and declared not in _UNTRUSTED_DECLARATIONS:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            if declared in _CHINESE_ENCODINGS or _han_share(text) >= _NOT_CHINESE:
                return text, None
            found = _detect(data)
            if found is None or found[0] not in _CHINESE_ENCODINGS or _han_share(found[1]) < _CHINESE:
                return text, None
            message = (
                f"declares the charset {declared}, but its bytes read as Chinese in {found[0]} and not "
                f"in {declared}; it was read as {found[0]}. Correct the declaration if that is wrong."
            )
            return found[1], ReadNote(path, "charset", message)
    detected = _detect(data)
    if detected is None:
        raise ReadError(path, f"is not UTF-8 and no other text encoding fits its bytes; {_CONVERT_HINT}.")
    return detected[1], None


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\s]")
_NOT_CHINESE = 0.3  # below this share of Han characters among the others, a text is not Chinese
_CHINESE = 0.6  # at or above it, it is
_SHARE_SAMPLE = 20_000


def _han_share(text: str) -> float:
    """The share of Han characters among the non-ASCII, non-space characters of (the start of) `text`."""
    sample = text[:_SHARE_SAMPLE]
    others = len(_NON_ASCII.findall(sample))
    return len(_HAN.findall(sample)) / others if others else 0.0


def _declared_encoding(head: bytes) -> str | None:
    """The Python codec named by a `charset=` / `encoding=` declaration in `head`, or None."""
    match = _DECLARED_CHARSET.search(head)
    if match is None:
        return None
    return _codec_name(match.group(1).decode("ascii"))


def _codec_name(name: str) -> str | None:
    """Python's name for encoding `name`, widened to a safe superset (GBK → GB18030), or None."""
    try:
        canonical = codecs.lookup(name.lower().removeprefix("x-")).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, canonical)


def _detect(data: bytes) -> tuple[str, str] | None:
    """The encoding charset-normalizer's detection finds for `data` and the text it gives, or None
    if no encoding fits.

    Among the encodings that fit, a Chinese one is preferred (short Chinese texts otherwise
    come out as Korean or Japanese), then detection's own ranking.
    """
    from charset_normalizer import from_bytes

    fitting: list[str] = []
    for match in from_bytes(data):
        name = _codec_name(match.encoding)
        if name is not None and name not in fitting:
            fitting.append(name)
    ranked = sorted(fitting, key=lambda name: name not in _CHINESE_ENCODINGS)
    for name in ranked:
        try:
            return name, data.decode(name)
        except UnicodeDecodeError:
            continue
    return None


def _reject_control_heavy(text: str, path: str) -> None:
    """Raise ReadError if the start of `text` is more than a few percent control characters."""
    sample = text[:_CONTROL_SAMPLE]
    if sample and len(_CONTROL.findall(sample)) > len(sample) * _MAX_CONTROL_SHARE:
        raise ReadError(
            path, f"looks like a binary file (mostly control characters), not text; {_CONVERT_HINT}."
        )


# --- finding files ------------------------------------------------------------------------------


class LinkNotFollowed(ReadError):
    """A symbolic link in an input folder whose target lies outside every input: it is not read."""


class FolderNotListed(ReadError):
    """A folder under an input that cannot be listed: its files are not read, the others are."""


def iter_input_files(
    inputs: Sequence[Path],
    skipped: list[str] | None = None,
    *,
    follow_links: bool = False,
    unread: list[ReadError] | None = None,
) -> Iterator[Path]:
    """Yield the files to read under `inputs`, each once, in a fixed order.

    A file given directly is yielded whatever its suffix (reading it then says if the type is
    unsupported); a folder is walked recursively in sorted order and yields only regular files with
    a suffix in SUFFIXES, skipping hidden files and folders, devices and pipes. The files passed
    over for their suffix are appended to `skipped`, when given. A symbolic link met in a folder is
    followed only when its target lies inside one of `inputs` (or with `follow_links`); a folder
    that cannot be listed is passed over: both are added to `unread`, when given, and the walk goes
    on. Raises ReadError, before yielding anything, if an input does not exist.
    """
    for path in inputs:
        if not path.exists():
            raise ReadError(str(path), "no such file or folder; check the path.")
    roots = [os.path.realpath(p) for p in inputs]
    walk = _Walk(
        roots, follow_links, skipped if skipped is not None else [], unread if unread is not None else []
    )
    seen: set[str] = set()
    for path in inputs:
        files = walk.folder(path) if path.is_dir() else iter((path,))
        for file in files:
            key = os.path.abspath(file)
            if key not in seen:
                seen.add(key)
                yield file


class _Walk:
    """The walk of input folders: which links it follows, what it passes over or could not list."""

    def __init__(
        self, roots: list[str], follow_links: bool, skipped: list[str], unread: list[ReadError]
    ) -> None:
        self.roots = roots
        self.follow_links = follow_links
        self.skipped = skipped
        self.unread = unread
        self.walked: set[str] = set()  # real paths of folders walked through a link (no loops)

    def inside_inputs(self, real: str) -> bool:
        return any(real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in self.roots)

    def folder(self, folder: Path) -> Iterator[Path]:
        """Readable files under `folder`: this folder's files by name, then each subfolder by name."""
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as e:
            self.unread.append(
                FolderNotListed(
                    str(folder),
                    f"cannot list the folder ({e.strerror}); its files were not read. Check its "
                    "permissions and run again to read them.",
                )
            )
            return
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            kind = self._follow(entry) if entry.is_symlink() else _kind(entry.path, entry)
            if kind == "folder":
                subfolders.append(Path(entry.path))
            elif kind == "file":
                if _has_suffix(entry.name):
                    yield Path(entry.path)
                else:
                    self.skipped.append(entry.path)
        for subfolder in subfolders:
            yield from self.folder(subfolder)

    def _follow(self, entry: os.DirEntry[str]) -> str | None:
        """What to make of a link met in a folder: "file" or "folder" to take it as one, None to
        pass over it (a link to a folder inside the inputs, walked where it lies; a dangling link;
        one to a device or a pipe; or one that leads outside the inputs, which is reported)."""
        real = os.path.realpath(entry.path)
        kind = _kind(real)
        if kind is None or (kind == "folder" and (self.inside_inputs(real) or real in self.walked)):
            return None
        if not self.inside_inputs(real) and not self.follow_links:
            self.unread.append(
                LinkNotFollowed(
                    entry.path,
                    f"a link to {real}, a {kind} outside the inputs; it was not read. Give the "
                    "target as an input, or use --follow-links to read what links point to.",
                )
            )
            return None
        if kind == "folder":
            self.walked.add(real)
        return kind


def _kind(path: str, entry: os.DirEntry[str] | None = None) -> str | None:
    """ "file" for a regular file, "folder" for a folder, None for anything else (not following a
    link when `entry` is given)."""
    if entry is not None:
        if entry.is_dir(follow_symlinks=False):
            return "folder"
        return "file" if entry.is_file(follow_symlinks=False) else None
    if os.path.isdir(path):
        return "folder"
    return "file" if os.path.isfile(path) else None


def _has_suffix(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUFFIXES


# --- reading files ------------------------------------------------------------------------------


class NotAFile(OSError):
    """A path that names a device, a pipe or a socket where a regular file was expected."""


def read_regular(path: str | Path) -> bytes:
    """The bytes of a regular file. A pipe is opened without waiting for a writer and refused
    (NotAFile), like a device or a socket, so that no input can make a run hang."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    with open(fd, "rb", closefd=True) as f:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotAFile(errno.EINVAL, "not a regular file (a device, pipe or socket)", str(path))
        return f.read()


def read_file(path: Path, data: bytes | None = None, source: str | None = None) -> ReadResult:
    """Read one file (whose bytes are `data`, when already read) into its articles; never raises
    for a bad file.

    `.txt` gives one article of the whole text; `.html`/`.htm` one article of the page's visible
    text with the headline, publication date and url the page states; `.json` one article per
    object (a single object or a list); `.jsonl` one per line. Whatever cannot be read comes back
    in `errors`, each naming the file (and line or item) and what to do; `notes` say what reading
    changed (lone surrogates replaced) or decided (a declared charset disbelieved). The articles'
    `source`, the errors and the notes name the file `source` (the input path as the user gave
    it, where `path` is where it is opened), or `path` when None.
    """
    name = path if source is None else Path(source)
    source = str(name)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(sorted(SUFFIXES))
        return _failed(source, f'unsupported file type "{path.suffix}"; use one of {supported}.')
    if data is None:
        try:
            data = read_regular(path)
        except OSError as e:
            return _failed(
                source, f"cannot open the file ({e.strerror}); check that it exists and is readable."
            )
    try:
        text, note = _decode(data, source)
    except ReadError as e:
        return ReadResult(errors=[e])
    if not text.strip():
        return _failed(source, "empty file; add the article text or remove the file.")
    result = reader(name, text)  # the readers only name the file (and take its stem), never open it
    if note is not None:
        result.notes.insert(0, note)
    return result


def _failed(source: str, message: str) -> ReadResult:
    """A result with no articles and one error about the whole file."""
    return ReadResult(errors=[ReadError(source, message)])


def _read_txt(path: Path, text: str) -> ReadResult:
    """One article: the whole decoded text; its headline and date are left for later stages."""
    return ReadResult(articles=[Article(doc_id=path.stem, source=str(path), raw=text)])


def _read_html(path: Path, text: str) -> ReadResult:
    """One article: the page's visible article text plus the headline, date and url it states."""
    from extract.reading.html_text import TooDeep, parse_html

    try:
        page = parse_html(text)
    except TooDeep as e:
        return _failed(
            str(path), f"{e}; no article nests that deep, so the file is left out: repair or remove it."
        )
    if not page.text.strip():
        return _failed(
            str(path),
            "the page has no visible text (a script may fill it in); save the page as rendered instead.",
        )
    article = Article(
        doc_id=path.stem,
        source=str(path),
        raw=page.text,
        title=page.title,
        published=page.published,
        url=page.url,
    )
    return ReadResult(articles=[article])


_TOO_DEEP = "JSON nested too deeply to be an article; flatten it or remove it from the input."


def _read_json(path: Path, text: str) -> ReadResult:
    """One article per object: the file holds one object or a list of objects."""
    source = str(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        return _failed(f"{source}:{e.lineno}", f"not valid JSON ({e.msg}, column {e.colno}); fix the file.")
    except RecursionError:
        return _failed(source, _TOO_DEEP)
    if isinstance(data, dict):
        return _from_objects(path, [(None, data)], "item")
    if isinstance(data, list):
        if len(data) == 1:
            return _from_objects(path, [(None, data[0])], "item")
        return _from_objects(path, list(enumerate(data, start=1)), "item")
    return _failed(source, f"holds a JSON {_json_type(data)}; it must hold an object or a list of objects.")


def _read_jsonl(path: Path, text: str) -> ReadResult:
    """One article per non-blank line; a bad line becomes an error and the other lines still count."""
    source = str(path)
    parsed: list[tuple[int | None, object]] = []
    errors: list[ReadError] = []
    # Split on "\n" only: str.splitlines would also split on U+2028 and friends, which JSON allows
    # raw inside strings.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            parsed.append((number, json.loads(line)))
        except json.JSONDecodeError as e:
            errors.append(
                ReadError(
                    f"{source}:{number}",
                    f"not valid JSON ({e.msg}, column {e.colno}); fix or remove the line.",
                )
            )
        except RecursionError:
            errors.append(ReadError(f"{source}:{number}", _TOO_DEEP))
    if len(parsed) == 1 and not errors:
        parsed = [(None, parsed[0][1])]
    result = _from_objects(path, parsed, "line")
    errors = sorted(errors + result.errors, key=_error_line)
    return ReadResult(articles=result.articles, errors=errors, notes=result.notes)


def _error_line(error: ReadError) -> int:
    """The line or item number an error names (0 for the whole file), for ordering."""
    _, _, number = error.path.rpartition(":")
    return int(number) if number.isdigit() else 0


def _from_objects(path: Path, objects: list[tuple[int | None, object]], unit: str) -> ReadResult:
    """Articles from decoded JSON values paired with their 1-based `unit` number ("line": errors
    name `file:line`; "item": errors name `file` and `item n`), or None when the file holds a
    single object (whose doc_id is then the file's stem)."""
    source = str(path)
    articles: list[Article] = []
    errors: list[ReadError] = []
    notes: list[ReadNote] = []
    for number, value in objects:
        where, what = source, "the file"
        if number is not None:
            where, what = (f"{source}:{number}", "the line") if unit == "line" else (source, f"item {number}")
        if not isinstance(value, dict):
            kind = _json_type(value)
            errors.append(ReadError(where, f"{what} holds a JSON {kind}, not an object; make it an object."))
            continue
        text = _first_text(value, _TEXT_KEYS)
        if text is None:
            keys = ", ".join(f'"{key}"' for key in _TEXT_KEYS)
            errors.append(
                ReadError(where, f"{what} has no article text (none of {keys} holds text); add one.")
            )
            continue
        default_id = path.stem if number is None else f"{path.stem}_{number}"
        article, replaced = _without_surrogates(_article_from_object(value, text, default_id, source))
        articles.append(article)
        if replaced:
            at = "" if where != source or number is None else f" in item {number}"
            message = (
                f"{replaced} lone surrogate{'s' if replaced > 1 else ''} (a \\ud800-style escape with no "
                f"pair){at} replaced by U+FFFD, one character for one."
            )
            notes.append(ReadNote(where, "surrogates", message, replaced))
    return ReadResult(articles=articles, errors=errors, notes=notes)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(article: Article) -> tuple[Article, int]:
    """`article` with every lone surrogate (JSON allows `\\ud800` alone; nothing can encode it) in
    its texts replaced by U+FFFD, and how many there were."""
    changes: dict[str, str] = {}
    count = 0
    for name in ("doc_id", "raw", "title", "published", "url"):
        value = getattr(article, name)
        if value is not None and _SURROGATE.search(value):
            changes[name], n = _SURROGATE.subn("\ufffd", value)
            count += n
    return (dataclasses.replace(article, **changes), count) if changes else (article, 0)


def _article_from_object(obj: dict[str, Any], text: str, default_id: str, source: str) -> Article:
    """An Article from one JSON object whose article text is `text`."""
    from extract.reading.html_text import parse_date

    published = _first_text(obj, _PUBLISHED_KEYS)
    if published is not None:
        published = parse_date(published) or published.strip()
    title = _first_text(obj, _TITLE_KEYS)
    url = _first_text(obj, _URL_KEYS)
    return Article(
        doc_id=_first_id(obj) or default_id,
        source=source,
        raw=text,
        title=title.strip() if title else None,
        published=published,
        url=url.strip() if url else None,
    )


def _first_text(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """The value of the first of `keys` that holds a non-blank string, or None."""
    for key in keys:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return None


def _first_id(obj: dict[str, Any]) -> str | None:
    """The object's own id (`id` or `doc_id`, string or number) as a string, or None."""
    for key in _ID_KEYS:
        value = obj.get(key)
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, str | int | float) and str(value).strip():
            return str(value).strip()
    return None


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "null"


_READERS: dict[str, Callable[[Path, str], ReadResult]] = {
    ".txt": _read_txt,
    ".html": _read_html,
    ".htm": _read_html,
    ".json": _read_json,
    ".jsonl": _read_jsonl,
}
