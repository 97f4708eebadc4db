"""PyTorch's initial weights, summarised, for src/train/torchInit.test.ts: for each mechanism and three
sizes, TinyModel right after torch.manual_seed(seed), each tensor (export_tensors's names and layout) as
its first values, sum and sum of absolute values. Writes scripts/train/golden/torch-init.json.

    python3 scripts/train/torch_init_golden.py
"""
import json
import os
import sys

import torch

sys.path.insert(0, os.path.dirname(__file__))
from model import MECHANISMS, TinyModel, export_tensors  # noqa: E402
from tasks import TASKS  # noqa: E402

# (task, d_model, seed): the lab's two sizes, one- and two-layer tasks, seeds other than 1.
CASES = [('mqar', 32, 1), ('selective_copy', 16, 7), ('story', 32, 3)]


def summary(task, mechanism, d_model, seed):
    torch.manual_seed(seed)
    model = TinyModel(mechanism, TASKS[task]['vocab'], TASKS[task]['layers'], d_model=d_model, dk=d_model // 2, dv=d_model // 2)
    out = []
    for name, t in export_tensors(model).items():
        flat = t.detach().double().reshape(-1)
        g = lambda x: float(f'{x:.9g}')
        out.append(dict(name=name, shape=list(t.shape), head=[g(x) for x in flat[:4].tolist()], sum=g(flat.sum().item()), sumAbs=g(flat.abs().sum().item())))
    return dict(task=task, mechanism=mechanism, layers=TASKS[task]['layers'], vocab=TASKS[task]['vocab'], dModel=d_model, seed=seed, tensors=out)


def main():
    cases = [summary(task, m, d, seed) for task, d, seed in CASES for m in MECHANISMS if m != 'lti']
    path = os.path.join(os.path.dirname(__file__), 'golden', 'torch-init.json')
    with open(path, 'w') as f:
        json.dump(dict(torch=torch.__version__, cases=cases), f, separators=(',', ':'))
    print(f'{path}: {len(cases)} models')


if __name__ == '__main__':
    main()
