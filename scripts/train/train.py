"""Train one tiny model per task × mechanism and export them for the site.

    apt-get install -y python3-torch libopenblas0-pthread      # once (Debian's PyTorch, CPU)
    /usr/bin/python3 scripts/train/train.py                     # all tasks × mechanisms (~15 min, 2 cores)
    /usr/bin/python3 scripts/train/train.py --task story --mechanism deltanet --steps 500

Writes public/models/<task>/<mechanism>.bin (float32, little-endian, tensors back to back),
public/models/manifest.json (sizes, seed, steps, time, held-out accuracy per difficulty, tensor table)
and scripts/train/golden/<task>.json (inputs and PyTorch logits the site's tests compare against).
"""
import argparse
import fcntl
import json
import math
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(__file__))
import numpy as np  # noqa: E402

from model import MECHANISMS, TinyModel, export_tensors, import_tensors  # noqa: E402
from tasks import IGNORE, TASKS, Mulberry32, held_out  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..'))
OUT = os.environ.get('MODELS_OUT', os.path.join(ROOT, 'public', 'models'))
GOLDEN = os.environ.get('GOLDEN_OUT', os.path.join(os.path.dirname(__file__), 'golden'))
SIZES = dict(d_model=32, dk=16, dv=16)
HELD_OUT = dict(seed=9001, per_level=100)
BATCH = 64


def batch(r, task, n):
    lo, hi = TASKS[task]['train']
    seqs = [TASKS[task]['make'](r, lo + r.randint(hi - lo + 1)) for _ in range(n)]
    return pad(seqs)


def pad(seqs):
    T = max(len(t) for t, _ in seqs)
    tok = torch.zeros(len(seqs), T, dtype=torch.long)
    tgt = torch.full((len(seqs), T), IGNORE, dtype=torch.long)
    for i, (t, y) in enumerate(seqs):
        tok[i, : len(t)] = torch.tensor(t)
        tgt[i, : len(y)] = torch.tensor(y)
    return tok, tgt


def train_step(model, opt, sched, tok, tgt):
    """One optimiser step on one batch: cross-entropy on the answer tokens, clip at norm 1, AdamW, schedule."""
    loss = torch.nn.functional.cross_entropy(model(tok).transpose(1, 2), tgt, ignore_index=IGNORE)
    opt.zero_grad()
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    sched.step()
    return loss


@torch.no_grad()
def accuracy(model, task):
    """Held-out accuracy per difficulty: the share of answer tokens whose arg-max is right."""
    out = {}
    for level in TASKS[task]['levels']:
        tok, tgt = pad(held_out(task, level, HELD_OUT['per_level'], HELD_OUT['seed']))
        pred = model(tok).argmax(-1)
        mask = tgt != IGNORE
        out[str(level)] = round(((pred == tgt) & mask).sum().item() / mask.sum().item(), 4)
    return out


def train_one(task, mechanism, steps, seed, lr=3e-3):
    torch.manual_seed(seed)
    spec = TASKS[task]
    model = TinyModel(mechanism, spec['vocab'], spec['layers'], **SIZES)
    opt = torch.optim.AdamW(model.parameters(), lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1, (s + 1) / 100) * 0.5 * (1 + math.cos(math.pi * s / steps)))
    r = Mulberry32(seed)
    t0 = time.time()
    for step in range(steps):
        tok, tgt = batch(r, task, BATCH)
        loss = train_step(model, opt, sched, tok, tgt)
        if step % 500 == 0 or step == steps - 1:
            print(f'  {task}/{mechanism} step {step} loss {loss.item():.4f}', flush=True)
    return model, time.time() - t0, loss.item()


def export(task, mechanism, model):
    tensors = export_tensors(model)
    table, blobs, offset = [], [], 0
    for name, t in tensors.items():
        data = t.numpy().astype('<f4').tobytes()
        table.append(dict(name=name, shape=list(t.shape), offset=offset))
        blobs.append(data)
        offset += len(data)
    os.makedirs(os.path.join(OUT, task), exist_ok=True)
    path = f'{task}/{mechanism}.bin'
    with open(os.path.join(OUT, path), 'wb') as f:
        f.write(b''.join(blobs))
    return path, offset, table


def golden(task, model):
    """Two held-out sequences of the hardest level and PyTorch's logits for them. The forward runs in
    float64 on the exported float32 weights: the reference the browser's float32 graph is held to."""
    exact = TinyModel(model.mixers[0].m, TASKS[task]['vocab'], TASKS[task]['layers'], **SIZES).double()
    exact.load_state_dict(model.state_dict())
    exact.eval()
    seqs = held_out(task, TASKS[task]['levels'][-1], 2, HELD_OUT['seed'] + 1)
    out = []
    with torch.no_grad():
        for tokens, _ in seqs:
            logits = exact(torch.tensor([tokens]))[0]
            out.append(dict(tokens=tokens, logits=[[float(f'{x:.9g}') for x in row] for row in logits.tolist()]))
    return out


def reload(entry):
    """A trained model back from its .bin (checks the export round trip too)."""
    spec = TASKS[entry['task']]
    model = TinyModel(entry['mechanism'], spec['vocab'], spec['layers'], **SIZES)
    raw = open(os.path.join(OUT, entry['file']), 'rb').read()
    tensors = {t['name']: np.frombuffer(raw, dtype='<f4', count=int(np.prod(t['shape'])), offset=t['offset']).reshape(t['shape']).copy() for t in entry['tensors']}
    import_tensors(model, tensors)
    model.eval()
    return model


def regolden():
    """Rewrite scripts/train/golden/*.json from the committed weights, without training."""
    manifest = json.load(open(os.path.join(OUT, 'manifest.json')))
    for task in TASKS:
        goldens = {e['mechanism']: golden(task, reload(e)) for e in manifest['models'] if e['task'] == task}
        with open(os.path.join(GOLDEN, f'{task}.json'), 'w') as f:
            json.dump(goldens, f, separators=(',', ':'))
        print(f'golden/{task}.json: {len(goldens)} models', flush=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--task', choices=list(TASKS), action='append')
    ap.add_argument('--mechanism', choices=MECHANISMS, action='append')
    ap.add_argument('--steps', type=int)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--golden-only', action='store_true', help='rewrite the golden logits from the committed weights')
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    if args.golden_only:
        return regolden()
    os.makedirs(GOLDEN, exist_ok=True)
    for task in args.task or list(TASKS):
        gpath = os.path.join(GOLDEN, f'{task}.json')
        goldens = json.load(open(gpath)) if os.path.exists(gpath) else {}
        for mechanism in args.mechanism or MECHANISMS:
            steps = args.steps or (3000 if TASKS[task]['layers'] > 1 else 2000)
            model, seconds, loss = train_one(task, mechanism, steps, args.seed)
            model.eval()
            acc = accuracy(model, task)
            path, size, table = export(task, mechanism, model)
            entry = dict(
                id=f'{task}/{mechanism}', task=task, mechanism=mechanism, layers=TASKS[task]['layers'],
                **SIZES, vocab=TASKS[task]['vocab'], seed=args.seed, steps=steps, batch=BATCH,
                trainSeconds=round(seconds, 1), finalLoss=round(loss, 4),
                params=sum(p.numel() for p in model.parameters() if p.requires_grad), file=path, bytes=size,
                accuracy=acc, tensors=table,
            )
            update_manifest(entry)
            goldens[mechanism] = golden(task, model)
            print(f'{task}/{mechanism}: {seconds:.0f} s, accuracy {acc}', flush=True)
            with open(gpath, 'w') as f:
                json.dump(goldens, f, separators=(',', ':'))


def update_manifest(entry):
    """Merge one model's entry into the manifest under a lock (several trainings may run at once)."""
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, 'manifest.json')
    with open(os.path.join(GOLDEN, '.manifest.lock'), 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        manifest = json.load(open(path)) if os.path.exists(path) else dict(models=[])
        manifest.update(
            version=1,
            format='float32 little-endian, tensors back to back; weights stored [in, out]',
            sizes=SIZES,
            heldOut=HELD_OUT,
            tasks={k: dict(vocab=v['vocab'], levels=v['levels'], train=list(v['train']), layers=v['layers']) for k, v in TASKS.items()},
            torch=torch.__version__,
        )
        manifest['models'] = [m for m in manifest['models'] if m['id'] != entry['id']] + [entry]
        manifest['models'].sort(key=lambda m: (list(TASKS).index(m['task']), MECHANISMS.index(m['mechanism'])))
        with open(path + '.tmp', 'w') as f:
            json.dump(manifest, f, indent=1)
        os.replace(path + '.tmp', path)


if __name__ == '__main__':
    main()
