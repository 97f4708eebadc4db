"""Synthetic tasks for the trained tiny models.

The same generators exist in TypeScript (src/core/tasks.ts) and draw the same numbers from the same
seed, token for token: the site and its tests regenerate the held-out sets this script scored.
Both use mulberry32 (src/core/random.ts) and only integer draws, so no float rounding can differ.
"""

MASK = 0xFFFFFFFF


class Mulberry32:
    def __init__(self, seed: int):
        self.a = seed & MASK

    def next(self) -> float:
        self.a = (self.a + 0x6D2B79F5) & MASK
        t = self.a
        t = ((t ^ (t >> 15)) * (t | 1)) & MASK
        t ^= (t + (((t ^ (t >> 7)) * (t | 61)) & MASK)) & MASK
        return ((t ^ (t >> 14)) & MASK) / 4294967296

    def randint(self, n: int) -> int:
        """Uniform in 0 … n−1."""
        return int(self.next() * n)

    def distinct(self, n: int, k: int) -> list:
        """k distinct draws from 0 … n−1 (a partial Fisher–Yates shuffle)."""
        arr = list(range(n))
        for i in range(k):
            j = i + self.randint(n - i)
            arr[i], arr[j] = arr[j], arr[i]
        return arr[:k]


IGNORE = -1

# Multi-query associative recall: k1 v1 … kn vn | q1 … qm; answer each query with its value.
MQAR = dict(keys=32, values=32, max_queries=8)
MQAR_VOCAB = 1 + MQAR['keys'] + MQAR['values']  # 0 = '|'


def mqar(r: Mulberry32, pairs: int):
    nk, nv = MQAR['keys'], MQAR['values']
    keys = r.distinct(nk, pairs)
    values = [r.randint(nv) for _ in range(pairs)]
    asked = r.distinct(pairs, min(pairs, MQAR['max_queries']))
    tokens, targets = [], []
    for k, v in zip(keys, values):
        tokens += [1 + k, 1 + nk + v]
        targets += [IGNORE, IGNORE]
    tokens.append(0)
    targets.append(IGNORE)
    for i in asked:
        tokens.append(1 + keys[i])
        targets.append(1 + nk + values[i])
    return tokens, targets


# "Where is X?": entities move between places; the question asks where one of them is now.
STORY = dict(entities=4, places=5)
STORY_VOCAB = 1 + STORY['entities'] + STORY['places']  # 0 = '?'


def story(r: Mulberry32, moves: int):
    ne, npl = STORY['entities'], STORY['places']
    tokens, targets, where, order = [], [], {}, []
    for _ in range(moves):
        e, p = r.randint(ne), r.randint(npl)
        tokens += [1 + e, 1 + ne + p]
        targets += [IGNORE, IGNORE]
        where[e] = p
        order.append(e)
    asked = order[r.randint(moves)]
    tokens += [0, 1 + asked]
    targets += [IGNORE, 1 + ne + where[asked]]
    return tokens, targets


# Selective copying: K data tokens hidden among noise tokens, then '|' and the data in order
# (teacher forcing: the input at each copy step is the previous data token).
SELCOPY = dict(data=16, noise=8, span=24)
SELCOPY_VOCAB = 1 + SELCOPY['data'] + SELCOPY['noise']  # 0 = '|'


def selective_copy(r: Mulberry32, marked: int):
    nd, nn, span = SELCOPY['data'], SELCOPY['noise'], SELCOPY['span']
    slots = sorted(r.distinct(span, marked))
    data = r.distinct(nd, marked)
    region = [1 + nd + r.randint(nn) for _ in range(span)]
    for s, d in zip(slots, data):
        region[s] = 1 + d
    tokens = region + [0] + [1 + d for d in data[:-1]]
    targets = [IGNORE] * span + [1 + d for d in data]
    return tokens, targets


TASKS = {
    'mqar': dict(make=mqar, vocab=MQAR_VOCAB, levels=[4, 8, 12, 16, 24], train=(1, 24), layers=1),
    'story': dict(make=story, vocab=STORY_VOCAB, levels=[2, 4, 8, 16], train=(1, 16), layers=1),
    'selective_copy': dict(make=selective_copy, vocab=SELCOPY_VOCAB, levels=[2, 4, 6, 8], train=(2, 8), layers=2),
}


def held_out(task: str, level: int, n: int, seed: int):
    """The held-out set for one difficulty: the site's tests regenerate exactly these sequences."""
    r = Mulberry32(seed * 1000 + level)
    make = TASKS[task]['make']
    return [make(r, level) for _ in range(n)]
