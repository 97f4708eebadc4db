"""Golden gradients for the in-browser training engine (src/train/gradients.test.ts).

    /usr/bin/python3 scripts/train/golden_grads.py      # Debian's PyTorch (apt-get install -y python3-torch)

For each mechanism: a tiny two-layer TinyModel (model.py, d_model 8, d_k = d_v = 4, the story task's
vocabulary), one fixed padded batch of story sequences, and PyTorch autograd's loss and gradients in
float64. Parameters are drawn in float32 first, so the engine loads exactly the numbers the reference
ran on. Names and layouts are export_tensors's (weights [in, out]); gradients use the same layout.
Writes scripts/train/golden/grads-<mechanism>.json, and adamw-deltanet.json (train.py's optimiser, a few steps,
and one training batch as train.py draws it).
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from model import TinyModel, export_tensors  # noqa: E402
from tasks import IGNORE, TASKS, Mulberry32  # noqa: E402
from train import pad, train_step  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), 'golden')
MECHANISMS = ['linear_attention', 'retnet', 'mamba2', 'gla', 'deltanet', 'gated_deltanet', 'mamba', 'softmax_attention']
SIZE = dict(d_model=8, dk=4, dv=4)
LAYERS = 2
TASK = 'story'
SEED = 7


def fmt(xs):
    return [float(f'{x:.10g}') for x in xs]


def main():
    r = Mulberry32(SEED)
    # Three sequences of different lengths: the padding (token 0, target IGNORE) is part of the check.
    tok, tgt = pad([TASKS[TASK]['make'](r, moves) for moves in (3, 2, 1)])
    vocab = TASKS[TASK]['vocab']
    for m in MECHANISMS:
        torch.manual_seed(11)
        model = TinyModel(m, vocab, LAYERS, **SIZE)
        with torch.no_grad():  # move the gates off their initial values so every term carries weight
            for name, p in model.named_parameters():
                if name.endswith('bias') or name.endswith(('gamma_logit', 'slope', 'a_log')):
                    p.add_(0.3 * torch.randn_like(p))
        model = model.double()
        loss = torch.nn.functional.cross_entropy(model(tok).transpose(1, 2), tgt, ignore_index=IGNORE)
        loss.backward()
        params = export_tensors(model)
        # The same name → tensor walk on .grad: weights transposed to [in, out] like the export.
        grads = {'embed': model.embed.weight.grad, 'readout.W': model.readout.weight.grad.T, 'readout.b': model.readout.bias.grad}
        for i, mx in enumerate(model.mixers):
            for name, mod in mx.named_children():
                grads[f'l{i}.{name}.W'] = mod.weight.grad.T
                if mod.bias is not None:
                    grads[f'l{i}.{name}.b'] = mod.bias.grad
            for name, p in mx.named_parameters(recurse=False):
                grads[f'l{i}.{name}'] = p.grad
        out = dict(
            mechanism=m, task=TASK, layers=LAYERS, **SIZE, vocab=vocab, tokens=tok.tolist(), targets=tgt.tolist(),
            loss=float(loss.item()), torch=torch.__version__,
            params=[dict(name=k, shape=list(v.shape), data=[float(x) for x in v.reshape(-1).tolist()]) for k, v in params.items()],
            grads={k: fmt(v.reshape(-1).tolist()) for k, v in grads.items()},
        )
        path = os.path.join(OUT, f'grads-{m}.json')
        with open(path, 'w') as f:
            json.dump(out, f, separators=(',', ':'))
        print(f'{path}: loss {loss.item():.6f}, {os.path.getsize(path)} bytes')


def adamw():
    """train.py's optimiser on the same batch for a few steps (linear attention, float64): the engine's AdamW,
    clipping and schedule are held to the parameters it ends with. Also a training batch as train.py draws it."""
    import math
    r = Mulberry32(SEED)
    tok, tgt = pad([TASKS[TASK]['make'](r, moves) for moves in (3, 2, 1)])
    torch.manual_seed(11)
    model = TinyModel('deltanet', TASKS[TASK]['vocab'], LAYERS, **SIZE).double()
    start = export_tensors(model)
    steps, lr = 4, 3e-1  # a large rate so that every step moves the weights well past float32 rounding
    opt = torch.optim.AdamW(model.parameters(), lr, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1, (s + 1) / 100) * 0.5 * (1 + math.cos(math.pi * s / steps)))
    losses = []
    for _ in range(steps):
        losses.append(train_step(model, opt, sched, tok, tgt).item())
    end = export_tensors(model)
    from train import batch
    btok, btgt = batch(Mulberry32(3), 'mqar', 4)
    out = dict(
        mechanism='deltanet', task=TASK, layers=LAYERS, **SIZE, vocab=TASKS[TASK]['vocab'], tokens=tok.tolist(), targets=tgt.tolist(),
        steps=steps, lr=lr, horizon=steps, losses=losses,
        start=[dict(name=k, shape=list(v.shape), data=[float(x) for x in v.reshape(-1).tolist()]) for k, v in start.items()],
        end={k: fmt(v.reshape(-1).tolist()) for k, v in end.items()},
        batch=dict(task='mqar', seed=3, n=4, tokens=btok.tolist(), targets=btgt.tolist()),
    )
    path = os.path.join(OUT, 'adamw-deltanet.json')
    with open(path, 'w') as f:
        json.dump(out, f, separators=(',', ':'))
    print(f'{path}: losses {losses}, {os.path.getsize(path)} bytes')


if __name__ == '__main__':
    main()
    adamw()
