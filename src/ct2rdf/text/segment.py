"""Word boundaries from jieba, so body names match whole words only.

A substring test cannot tell 大会 (the General Assembly) from the 大会 inside
广大会员国, nor 安全理事会 from the one inside 非洲联盟和平与安全理事会.  jieba
cuts 广大会员国 into 广大/会员国, so 大会 starts inside a word and is no name.

* Segmentation is jieba's own (its dictionary with our user words, its
  ``HMM=False`` cut: the most probable path through the dictionary words of
  each run of CJK, Latin and digit characters), computed here from a copy of
  its prefix dictionary: :func:`tokenizer` builds jieba's tokenizer once per
  user, jieba version and word list, and :func:`dictionary` saves its
  dictionary sharded by first character in the cache directory.  Later
  processes read only the shards the windows they segment need, instead of
  unmarshalling all 500,000 entries (about 1 s) and importing jieba.
  ``tests/test_bodies.py`` checks the result against jieba's tokenizer.
* A private ``jieba.Tokenizer``, never the global one, so no other user of
  jieba in the process changes our segmentation and we change nobody's.  Its
  user words are fixed when it is built and never change afterwards, so the
  boundaries of a text depend on the text and the packaged data only.
* jieba keeps a marshal cache of its dictionary; by default in the shared
  temp dir, where the first user's ``jieba.cache`` (mode 0600) makes every
  other user's load fail with a logged error, and a file planted there would
  change our segmentation.  Ours, and the sharded copy, go to
  :func:`cache_dir`, a directory only this user can use.  Both are written
  with :func:`ct2rdf.atomic.write_atomic`, so concurrent builds never read a
  half-written file.
* ``HMM=False``: no guessing of unknown words, which could glue a name to
  its neighbour differently from one run of text to the next.
"""

from __future__ import annotations

import atexit
import bisect
import contextlib
import getpass
import hashlib
import importlib.util
import logging
import marshal
import os
import re
import shutil
import stat
import tempfile
from functools import lru_cache
from math import log

from ..atomic import write_atomic

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


# Bump when the file layout of the sharded dictionary changes.
_FORMAT = b"ct2rdf-jieba-shards-2"


class Dictionary:
    """jieba's prefix dictionary (word or word prefix -> frequency, 0 for a prefix) and
    its total, read one shard (every entry with the same first character) at a time."""

    def __init__(self, data: bytes):
        size = int.from_bytes(data[len(_FORMAT) : len(_FORMAT) + 8], "big")
        base = len(_FORMAT) + 8
        self.total, self.longest, self._index, self.longest_from = marshal.loads(data[base : base + size])
        self._data, self._base = data, base + size
        self._shards: dict[str, dict[str, int]] = {}
        if self._base + max(end for _, end in self._index.values()) != len(data):
            raise ValueError("truncated dictionary file")  # e.g. a full disk

    def shard(self, c: str) -> dict[str, int]:
        """Every entry starting with the character ``c``."""
        s = self._shards.get(c)
        if s is None:
            at = self._index.get(c)
            s = marshal.loads(self._data[self._base + at[0] : self._base + at[1]]) if at else {}
            self._shards[c] = s
        return s

    @staticmethod
    def dump(freq: dict[str, int], total) -> bytes:
        """The file for jieba's ``FREQ`` and ``total``."""
        shards: dict[str, dict[str, int]] = {}
        for w, f in freq.items():
            shards.setdefault(w[0], {})[w] = f
        index, blobs, at = {}, [], 0
        for c in sorted(shards):
            blob = marshal.dumps(shards[c])
            index[c] = (at, at + len(blob))
            blobs.append(blob)
            at += len(blob)
        # the longest entry by first character: no word from k reaches i if that is shorter
        longest_from = {c: max(map(len, shard)) for c, shard in shards.items()}
        head = marshal.dumps((total, max(map(len, freq)), index, longest_from))
        return b"".join([_FORMAT, len(head).to_bytes(8, "big"), head, *blobs])


@lru_cache(maxsize=4)
def dictionary(words: tuple[str, ...], unwords: tuple[str, ...] = ()) -> Dictionary:
    """The dictionary of :func:`tokenizer` ``(words, unwords)``, from the cache if there.

    The cache file's name hashes the word lists and the installed jieba (its
    code and dictionary file, by size and modification time): any change
    builds it again.
    """
    spec = importlib.util.find_spec("jieba")  # finds the package without importing it
    folder = os.path.dirname(spec.origin)
    key = hashlib.sha256(repr((
        _FORMAT, words, unwords,
        [(f, st.st_size, st.st_mtime_ns) for f in ("__init__.py", "dict.txt")
         if (st := os.stat(os.path.join(folder, f)))],
    )).encode()).hexdigest()[:24]
    path = os.path.join(cache_dir(), f"ct2rdf-jieba-{key}.dict")
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data.startswith(_FORMAT):
            return Dictionary(data)
    except (OSError, ValueError, EOFError, TypeError):
        pass  # absent or damaged: build it again
    tk = tokenizer(words, unwords)
    data = Dictionary.dump(tk.FREQ, tk.total)
    with contextlib.suppress(OSError):  # a full disk: this run still has the dictionary
        write_atomic(path, data, durable=False)
    return Dictionary(data)


class Boundaries:
    """Where the words of a text start and end: ``offset in boundaries``.

    jieba segments each run of ``_SEGMENTED`` characters on its own, so a run
    is segmented only when an offset inside it is asked about: the same
    answer as segmenting the whole text, at the cost of the few runs that hold
    a candidate name.  Offsets outside a run, and at its ends, are boundaries.
    Most offsets asked about need no segmenting at all: where no dictionary
    word spans the offset, every path through the run's words passes it.
    """

    def __init__(self, text: str, words: tuple[str, ...], unwords: tuple[str, ...] = ()):
        self._text = text
        self._dict = dictionary(words, unwords)
        self._runs = [m.span() for m in _SEGMENTED.finditer(text)]  # sorted, disjoint
        # run start -> (p, the boundaries from p to the run's end): known from p on
        self._cuts: dict[int, tuple[int, frozenset[int]]] = {}
        self._unspanned: set[int] = set()  # offsets found unspanned: boundaries

    def __contains__(self, i: int) -> bool:
        k = bisect.bisect_right(self._runs, (i, len(self._text) + 1)) - 1  # the last run starting <= i
        if k < 0 or not self._runs[k][0] < i < self._runs[k][1]:
            return True
        start, end = self._runs[k]
        known = self._cuts.get(start)
        if known is None or i < known[0]:
            text, d = self._text, self._dict
            if i in self._unspanned:  # a name's start is asked again for each name there
                return True
            if _unspanned(text, start, end, i, d):
                self._unspanned.add(i)
                return True
            # jieba's best path passes every unspanned offset, and what it does after
            # one depends only on the text after it: cut from the nearest one before i
            p = next((j for j in range(i - 1, max(start, i - _LOOK_BACK), -1)
                      if _unspanned(text, start, end, j, d)), start)
            known = self._cuts[start] = (p, _cut(text[p:end], p, d) | {p})
        return i in known[1]


# How far back from an offset to look for an unspanned one to start cutting from
# (else from the run's start: the same boundaries, a little more work).
_LOOK_BACK = 8


def _unspanned(text: str, start: int, end: int, i: int, d: Dictionary) -> bool:
    """Whether offset ``i`` inside the run ``[start, end)`` is a boundary whatever the
    rest of the run: no dictionary word holds both ``text[i - 1]`` and ``text[i]``
    (jieba's word graph has no edge over ``i``, so its best path stops there), and
    not two single Latin letters or digits (jieba glues those into one token).

    The dictionary holds every prefix of its words, so a word from ``k`` over
    ``i`` exists only if ``text[k : i + 1]`` is an entry, and only such entries
    are extended.
    """
    if _latin_or_digit(text[i - 1]) and _latin_or_digit(text[i]):
        return False
    longest_from = d.longest_from
    for k in range(i - 1, max(start, i - d.longest + 1) - 1, -1):
        if longest_from.get(text[k], 0) <= i - k:  # no entry from k holds text[k : i + 1]
            continue
        shard = d.shard(text[k])
        j = i + 1
        while j <= end and (f := shard.get(text[k:j])) is not None:
            if f:
                return False
            j += 1
    return True


def _latin_or_digit(c: str) -> bool:
    # jieba's re_eng, [a-zA-Z0-9]
    return c.isascii() and c.isalnum()


def _cut(run: str, offset: int, d: Dictionary) -> frozenset[int]:
    """The word ends (offsets in the text) of jieba's ``HMM=False`` cut of ``run``.

    jieba's ``get_DAG``, ``calc`` and ``__cut_DAG_NO_HMM``, step for step and
    with the same arithmetic, so every tie breaks as jieba breaks it.
    """
    n = len(run)
    logtotal = log(d.total)
    # edges[k]: (inclusive end, log weight) of each word starting at k; jieba looks the
    # weight up again in calc, the same frequency, so the same float
    edges = []
    for k in range(n):
        shard, found, i, frag = d.shard(run[k]), [], k, run[k]
        while i < n:
            f = shard.get(frag)
            if f is None:
                break
            if f:
                found.append((i, log(f) - logtotal))
            i += 1
            frag = run[k : i + 1]
        edges.append(found or [(k, log(1) - logtotal)])  # no word: the character, frequency 1
    value, route = [0.0] * (n + 1), list(range(n + 1))  # jieba's route[idx] = (value, x)
    for idx in range(n - 1, -1, -1):
        es = edges[idx]
        if len(es) == 1:
            x, w = es[0]
            value[idx], route[idx] = w + value[x + 1], x
        else:  # ties go to the longer word, as jieba's max over (value, x) tuples
            value[idx], route[idx] = max((w + value[x + 1], x) for x, w in es)
    out, x, glued = set(), 0, False
    while x < n:
        y = route[x] + 1
        if y - x == 1 and _latin_or_digit(run[x]):  # single Latin letters and digits: one token
            glued = True
        else:
            if glued:
                out.add(offset + x)
                glued = False
            out.add(offset + y)
        x = y
    if glued:
        out.add(offset + n)
    return frozenset(out)


def boundaries(text: str, words: tuple[str, ...], unwords: tuple[str, ...] = ()) -> Boundaries:
    """The offsets of ``text`` where a word starts or ends (0 and len included)."""
    return Boundaries(text, words, unwords)
