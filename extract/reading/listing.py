"""Input paths to the files to read: folders walked in a fixed order, hidden files, devices and
pipes passed over, symbolic links followed only inside the inputs, unlistable folders reported; and
the bytes of a regular file, any other kind refused."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from extract.reading.article import ReadError

__all__ = [
    "SUFFIXES",
    "BrokenLink",
    "FolderNotListed",
    "LinkNotFollowed",
    "NotAFile",
    "iter_input_files",
    "read_regular",
    "unsupported_remedy",
]

SUFFIXES = frozenset({".txt", ".html", ".htm", ".json", ".jsonl"})
_PACKED = frozenset({".gz", ".tgz", ".bz2", ".xz", ".zst", ".zip", ".7z", ".rar", ".tar"})


def unsupported_remedy(name: str) -> str:
    """What to do with a file not read for its extension: unpack an archive, else rename it."""
    if os.path.splitext(name)[1].lower() in _PACKED:
        return "it is compressed or an archive: unpack it (gunzip, unzip, tar -x) and give what it holds."
    return "rename the file if it holds an article."


class LinkNotFollowed(ReadError):
    """A symbolic link in an input folder whose target lies outside every input: it is not read."""


class BrokenLink(ReadError):
    """A symbolic link in an input folder that leads nowhere (its target is missing, or links
    loop): there is nothing to read, but the user meant something to be there."""


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
            raise ReadError(str(path), _broken_link(str(path)) or "no such file or folder; check the path.")
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
        broken = _broken_link(entry.path) if kind is None else None
        if broken is not None:
            self.unread.append(BrokenLink(entry.path, broken))
            return None
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


def _broken_link(path: str) -> str | None:
    """What is wrong with `path` when it is a link that leads nowhere, and what to do; else None."""
    if not os.path.islink(path):
        return None
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return (
                "a link in a loop of links (it leads back to itself); it was not read. Remove it or "
                "point it at the article."
            )
        if e.errno == errno.ENOENT:
            return (
                f"a link to {os.readlink(path)}, which does not exist; it was not read. Remove the "
                "link or restore its target."
            )
        return (
            f"a link that cannot be followed ({e.strerror}); it was not read. Check the link and its target."
        )
    return None


def _has_suffix(name: str) -> bool:
    return os.path.splitext(name)[1].lower() in SUFFIXES


class NotAFile(OSError):
    """A path that names a device, a pipe or a socket where a regular file was expected."""


def read_regular(path: str | Path) -> bytes:
    """The bytes of a regular file. A pipe is opened without waiting for a writer and refused
    (NotAFile), like a device or a socket, so that no input can make a run hang."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(errno.EINVAL, "not a regular file (a device, pipe or socket)", str(path))
        # Read with the file's size and once more to its end (it may have grown): three system
        # calls, where a file object makes eight.
        parts = [os.read(fd, info.st_size + 1)]
        while parts[-1]:
            parts.append(os.read(fd, max(info.st_size, 1 << 16)))
        return b"".join(parts)
    finally:
        os.close(fd)
