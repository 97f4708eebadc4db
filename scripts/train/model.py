"""A tiny layer stack per mechanism: embedding → (token shift → mixer → residual) × L → readout.

The mixer is exactly the one rule of docs/design.md §2 (src/core/rule.ts), run step by step:
    S_t = (S_{t−1} ⊙ G_t)(I − β_t k_t k_tᵀ) + β_t v_t k_tᵀ,   o_t = S_t q_t   (read after write, S₀ = 0)
The site rebuilds the same network as an ONNX graph from the exported weights (src/models/trained.ts),
so every name here is a tensor the browser reads: change one and the export format changes with it.
"""
import math

import torch
import torch.nn as nn

MECHANISMS = ['linear_attention', 'retnet', 'mamba2', 'gla', 'deltanet', 'gated_deltanet', 'mamba', 'softmax_attention', 'lti']
# 'lti': Mamba-2's memory with B, C and Δ fixed (biases only, no dependence on the token): a
# time-invariant state space model in the spirit of S4, the contrast for selective copying.
NORMALIZED = {'linear_attention', 'retnet', 'gla', 'deltanet', 'gated_deltanet'}
EPS = 1e-6


def softplus(x):
    # The stable form the ONNX graph uses too: max(x, 0) + log(1 + e^{−|x|}).
    return torch.relu(x) + torch.log1p(torch.exp(-x.abs()))


def l2norm(x):
    return x / torch.sqrt((x * x).sum(-1, keepdim=True) + EPS)


class Mixer(nn.Module):
    def __init__(self, mechanism: str, d_model: int, dk: int, dv: int):
        super().__init__()
        self.m, self.dk, self.dv = mechanism, dk, dv
        self.recurrent = False  # True: run the step-by-step loop (the check that parallel == recurrent)
        h = 2 * d_model  # [x_t ; x_{t−1}]: the token shift lets a write pair a token with the one before it
        lin = lambda n, bias=False: nn.Linear(h, n, bias=bias)
        if mechanism in ('mamba', 'mamba2', 'lti'):
            self.x, self.B, self.C = lin(dv), lin(dk, mechanism == 'lti'), lin(dk, mechanism == 'lti')
            if mechanism in ('mamba2', 'lti'):
                self.dt = lin(1, True)
                self.a_log = nn.Parameter(torch.zeros(()))
            else:
                self.dt = lin(dv, True)
                self.a_log = nn.Parameter(torch.log(torch.arange(1, dk + 1, dtype=torch.float32)).repeat(dv, 1))
            nn.init.constant_(self.dt.bias, -1.0)
            if mechanism == 'lti':  # the same B, C and Δ at every step: zero weights, never trained
                for layer in (self.B, self.C, self.dt):
                    nn.init.zeros_(layer.weight)
                    layer.weight.requires_grad_(False)
                nn.init.normal_(self.B.bias)
                nn.init.normal_(self.C.bias)
        else:
            self.q, self.k, self.v = lin(dk), lin(dk), lin(dv)
        if mechanism == 'retnet':
            self.gamma_logit = nn.Parameter(torch.tensor(2.0))
        if mechanism == 'gla':
            self.gate = lin(dk, True)
            nn.init.constant_(self.gate.bias, 3.0)
        if mechanism == 'gated_deltanet':
            self.gate = lin(1, True)
            nn.init.constant_(self.gate.bias, 3.0)
        if mechanism in ('deltanet', 'gated_deltanet'):
            self.beta = lin(1, True)
        if mechanism == 'softmax_attention':
            self.slope = nn.Parameter(torch.tensor(-2.0))  # recency bias −softplus(slope)·(t − s)
        self.out = nn.Linear(dv, d_model, bias=False)

    def features(self, h):
        """The mechanism's own inputs (names as in src/core/cases.ts) from h [B, T, 2d]."""
        m = self.m
        if m in ('mamba2', 'lti'):
            return dict(x=self.x(h), B=self.B(h), C=self.C(h), dt=softplus(self.dt(h)).squeeze(-1), A=-torch.exp(self.a_log))
        if m == 'mamba':
            return dict(x=self.x(h), B=self.B(h), C=self.C(h), dt=softplus(self.dt(h)), A=-torch.exp(self.a_log))
        q, k, v = self.q(h), self.k(h), self.v(h)
        if m in NORMALIZED:
            q, k = l2norm(q), l2norm(k)
        f = dict(q=q, k=k, v=v)
        if m == 'retnet':
            f['gamma'] = torch.sigmoid(self.gamma_logit)
        if m == 'gla':
            f['gate'] = torch.sigmoid(self.gate(h))
        if m == 'gated_deltanet':
            f['gate'] = torch.sigmoid(self.gate(h)).squeeze(-1)
        if m in ('deltanet', 'gated_deltanet'):
            f['beta'] = torch.sigmoid(self.beta(h)).squeeze(-1)
        return f

    def forward(self, h):
        f = self.features(h)
        if self.m == 'softmax_attention':
            o = softmax_attention(f, self.slope)
        else:
            o = memory(self.m, f) if self.m == 'mamba' or self.recurrent else parallel(self.m, f)
        return self.out(o), f


def rule_terms(m, f):
    """q, k, v and the log of the forget gate per step ([B, T], [B, T, d_k] for GLA, None for none)."""
    if m in ('mamba', 'mamba2', 'lti'):
        dt = f['dt']
        v = f['x'] * (dt if m == 'mamba' else dt.unsqueeze(-1))
        log = None if m == 'mamba' else dt * f['A']
        return f['C'], f['B'], v, log
    log = None
    if m == 'retnet':
        log = torch.log(f['gamma']).expand(f['q'].shape[:2])
    elif m == 'gated_deltanet':
        log = torch.log(f['gate'])
    elif m == 'gla':
        log = torch.log(f['gate'])
    return f['q'], f['k'], f['v'], log


def parallel(m, f):
    """The parallel (UT) form of the same rule: O = (QKᵀ ⊙ Γ) U with U = V, or for the delta family
    (I + diag(β) strict(KKᵀ ⊙ Γ)) U = diag(β) V. Γ[t, s] = ∏_{r=s+1..t} g_r (s ≤ t), else 0."""
    q, k, v, log = rule_terms(m, f)
    T = q.shape[1]
    upper = torch.triu(torch.ones(T, T, dtype=torch.bool), 1)
    if log is not None and log.dim() == 3:  # GLA: one gate per key dimension
        c = torch.cumsum(log, 1)
        diff = (c[:, :, None, :] - c[:, None, :, :]).masked_fill(upper[None, :, :, None], float('-inf'))
        G = torch.exp(diff)  # [B, T, T, d_k]
        W = lambda a, b: torch.einsum('btj,bsj,btsj->bts', a, b, G)
    else:
        if log is None:
            G = (~upper).to(q.dtype).expand(q.shape[0], T, T)
        else:
            c = torch.cumsum(log, 1)
            G = torch.exp((c[:, :, None] - c[:, None, :]).masked_fill(upper, float('-inf')))
        W = lambda a, b: (a @ b.transpose(1, 2)) * G
    U = v
    if m in ('deltanet', 'gated_deltanet'):
        beta = f['beta']
        L = beta[:, :, None] * torch.tril(W(k, k), -1)
        I = torch.eye(T, dtype=q.dtype).expand_as(L)
        U = torch.linalg.solve_triangular(I + L, beta[:, :, None] * v, upper=False, unitriangular=True)
    return W(q, k) @ U


def memory(m, f):
    """The one rule, step by step, batched: S [B, d_v, d_k]."""
    if m in ('mamba', 'mamba2', 'lti'):
        dt = f['dt']
        q, k = f['C'], f['B']
        v = f['x'] * (dt if m == 'mamba' else dt.unsqueeze(-1))
    else:
        q, k, v = f['q'], f['k'], f['v']
    Bn, T, dk = k.shape
    dv = v.shape[-1]
    S = k.new_zeros(Bn, dv, dk)
    outs = []
    for t in range(T):
        if m == 'retnet':
            S = S * f['gamma']
        elif m in ('gated_deltanet',):
            S = S * f['gate'][:, t, None, None]
        elif m == 'gla':
            S = S * f['gate'][:, t, None, :]
        elif m in ('mamba2', 'lti'):
            S = S * torch.exp(dt[:, t] * f['A'])[:, None, None]
        elif m == 'mamba':
            S = S * torch.exp(dt[:, t, :, None] * f['A'])
        kt, vt = k[:, t], v[:, t]
        if m in ('deltanet', 'gated_deltanet'):
            b = f['beta'][:, t, None]
            recalled = torch.bmm(S, kt.unsqueeze(-1)).squeeze(-1)
            S = S + torch.bmm((b * (vt - recalled)).unsqueeze(-1), kt.unsqueeze(1))
        else:
            S = S + torch.bmm(vt.unsqueeze(-1), kt.unsqueeze(1))
        outs.append(torch.bmm(S, q[:, t].unsqueeze(-1)).squeeze(-1))
    return torch.stack(outs, 1)


def softmax_attention(f, slope):
    """Causal softmax attention with a learned recency bias (no 1/√d_k: the projections learn the scale)."""
    q, k, v = f['q'], f['k'], f['v']
    T = q.shape[1]
    pos = torch.arange(T, dtype=q.dtype)
    dist = pos[:, None] - pos[None, :]
    scores = q @ k.transpose(1, 2) - softplus(slope) * dist
    scores = scores.masked_fill(dist < 0, float('-inf'))
    return torch.softmax(scores, -1) @ v


def shift(x):
    return torch.cat([torch.zeros_like(x[:, :1]), x[:, :-1]], 1)


class TinyModel(nn.Module):
    def __init__(self, mechanism: str, vocab: int, layers: int, d_model=32, dk=16, dv=16):
        super().__init__()
        self.embed = nn.Embedding(vocab, d_model)
        self.mixers = nn.ModuleList(Mixer(mechanism, d_model, dk, dv) for _ in range(layers))
        self.readout = nn.Linear(d_model, vocab)

    def forward(self, tokens, keep=False):
        x = self.embed(tokens)
        feats = []
        for mixer in self.mixers:
            y, f = mixer(torch.cat([x, shift(x)], -1))
            x = x + y
            feats.append(f)
        logits = self.readout(x)
        return (logits, feats) if keep else logits


def export_tensors(model: TinyModel):
    """Name → float32 tensor, in the layout src/models/trained.ts expects (weights as [in, out])."""
    out = {'embed': model.embed.weight, 'readout.W': model.readout.weight.T, 'readout.b': model.readout.bias}
    for i, mx in enumerate(model.mixers):
        for name, mod in mx.named_children():
            out[f'l{i}.{name}.W'] = mod.weight.T
            if mod.bias is not None:
                out[f'l{i}.{name}.b'] = mod.bias
        for name, p in mx.named_parameters(recurse=False):
            out[f'l{i}.{name}'] = p
    return {k: v.detach().float().contiguous() for k, v in out.items()}


def import_tensors(model: TinyModel, tensors):
    """The inverse of export_tensors: load name → array (as written to the .bin) into the model."""
    expected = export_tensors(model)
    with torch.no_grad():
        for name, value in tensors.items():
            if name not in expected or tuple(expected[name].shape) != tuple(value.shape):
                raise ValueError(f'unexpected tensor {name} {tuple(value.shape)}')
        model.embed.weight.copy_(torch.as_tensor(tensors['embed']))
        model.readout.weight.copy_(torch.as_tensor(tensors['readout.W']).T)
        model.readout.bias.copy_(torch.as_tensor(tensors['readout.b']))
        for i, mx in enumerate(model.mixers):
            for name, mod in mx.named_children():
                mod.weight.copy_(torch.as_tensor(tensors[f'l{i}.{name}.W']).T)
                if mod.bias is not None:
                    mod.bias.copy_(torch.as_tensor(tensors[f'l{i}.{name}.b']))
            for name, p in mx.named_parameters(recurse=False):
                p.copy_(torch.as_tensor(tensors[f'l{i}.{name}']).reshape(p.shape))
