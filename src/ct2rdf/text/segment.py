"""Word boundaries from jieba, so body names match whole words only.

A substring test cannot tell 大会 (the General Assembly) from the 大会 inside
广大会员国, nor 安全理事会 from the one inside 非洲联盟和平与安全理事会.  jieba
cuts 广大会员国 into 广大/会员国, so 大会 starts inside a word and is no name.

* jieba is imported and its dictionary loaded lazily, the first time a
  document's bodies are extracted (about 1 s; ``ct2rdf --help`` and
  ``validate`` never pay it).  Nothing is downloaded: the dictionary ships
  inside the jieba package.
* A private ``jieba.Tokenizer``, never the global one, so no other user of
  jieba in the process changes our segmentation and we change nobody's.  Its
  user words are fixed when it is built and never change afterwards, so the
  boundaries of a text depend on the text and the packaged data only.
* jieba keeps a marshal cache of its dictionary; by default in the shared
  temp dir, where the first user's ``jieba.cache`` (mode 0600) makes every
  other user's load fail with a logged error, and a file planted there would
  change our segmentation.  Ours goes to :func:`cache_dir`, a directory only
  this user can use.  jieba writes it with ``mkstemp`` and an atomic rename,
  so concurrent builds never read a half-written file.
* ``HMM=False``: no guessing of unknown words, which could glue a name to
  its neighbour differently from one run of text to the next.
"""

from __future__ import annotations

import atexit
import bisect
import getpass
import logging
import os
import re
import shutil
import stat
import tempfile
from functools import lru_cache

# Characters jieba segments with its dictionary (its ``re_han_default``); any
# other character (punctuation, "(", "/", space) always stands alone, so a
# dictionary word holding one of them could never be found.
_SEGMENTED = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]+")


@lru_cache(maxsize=4)
def tokenizer(words: tuple[str, ...], unwords: tuple[str, ...] = ()):
    """A private jieba tokenizer with ``words`` added to its dictionary, ``unwords`` removed.

    A word jieba already knows keeps its own frequency (so 秘书长 does not
    start to win over 副秘书长-like words it did not win before); a new word
    gets the frequency jieba suggests for cutting it whole.  ``words`` must be
    given in a fixed order: each suggestion depends on the words added before.
    ``unwords`` are dictionary words to cut apart (安理会常任理事国 → 安理会/…).
    """
    import jieba  # lazy: see the module docstring

    tk = jieba.Tokenizer()
    tk.tmp_dir = cache_dir()
    tk.cache_file = f"jieba-{jieba.__version__}.cache"  # another jieba's cache is not ours
    log = logging.getLogger("jieba")  # jieba logs its dictionary loading at DEBUG to stderr
    level = log.level
    log.setLevel(logging.WARNING)
    try:
        tk.initialize()
    finally:
        log.setLevel(level)
    for w in words:
        if _SEGMENTED.fullmatch(w) and not tk.FREQ.get(w):
            tk.add_word(w)
    for w in unwords:
        # frequency 0 keeps w a prefix but no word; not tk.del_word, which also
        # changes jieba's global HMM tables (finalseg.add_force_split)
        tk.total -= tk.FREQ.get(w, 0)
        tk.FREQ[w] = 0
    return tk


@lru_cache(maxsize=1)
def cache_dir() -> str:
    """A directory for jieba's cache that only this user can read or write.

    ``<temp dir>/ct2rdf-<uid>``, created with mode 0700.  If that path exists
    and is not such a directory (a symlink, another owner, open to others),
    nothing in it is trusted: this run uses a fresh private directory,
    removed at exit (the dictionary is then built again, ~1 s).
    """
    uid = os.getuid() if hasattr(os, "getuid") else None
    path = os.path.join(tempfile.gettempdir(), f"ct2rdf-{getpass.getuser() if uid is None else uid}")
    try:
        os.mkdir(path, 0o700)  # the umask can only take bits away
    except FileExistsError:
        pass
    except OSError:
        return _private_dir()
    st = os.lstat(path)  # lstat: a symlink is no directory of ours
    if stat.S_ISDIR(st.st_mode) and (uid is None or st.st_uid == uid) and not st.st_mode & 0o077:
        return path
    return _private_dir()


def _private_dir() -> str:
    path = tempfile.mkdtemp(prefix="ct2rdf-")
    atexit.register(shutil.rmtree, path, True)
    return path


class Boundaries:
    """Where the words of a text start and end: ``offset in boundaries``.

    jieba segments each run of ``_SEGMENTED`` characters on its own, so a run
    is segmented only when an offset inside it is asked about: the same
    answer as segmenting the whole text, at the cost of the few runs that hold
    a candidate name.  Offsets outside a run, and at its ends, are boundaries.
    """

    def __init__(self, text: str, words: tuple[str, ...], unwords: tuple[str, ...] = ()):
        self._text = text
        self._key = (words, unwords)
        self._runs = [m.span() for m in _SEGMENTED.finditer(text)]  # sorted, disjoint
        self._cuts: dict[int, frozenset[int]] = {}  # run start -> its word ends

    def __contains__(self, i: int) -> bool:
        k = bisect.bisect_right(self._runs, (i, len(self._text) + 1)) - 1  # the last run starting <= i
        if k < 0 or not self._runs[k][0] < i < self._runs[k][1]:
            return True
        start, end = self._runs[k]
        if start not in self._cuts:
            self._cuts[start] = _cut(self._text[start:end], start, *self._key)
        return i in self._cuts[start]


def _cut(run: str, offset: int, words: tuple[str, ...], unwords: tuple[str, ...]) -> frozenset[int]:
    out = set()
    end = 0
    for _, _, end in tokenizer(words, unwords).tokenize(run, HMM=False):
        out.add(offset + end)
    if end != len(run):  # jieba yields every character; a gap would shift every offset
        raise AssertionError("jieba lost characters while segmenting")
    return frozenset(out)


def boundaries(text: str, words: tuple[str, ...], unwords: tuple[str, ...] = ()) -> Boundaries:
    """The offsets of ``text`` where a word starts or ends (0 and len included)."""
    return Boundaries(text, words, unwords)
