#!/usr/bin/env python3
"""PyTorch reference of the study's training step, driven line by line by `homalg bench`.

The mathematics follows the Python original (homalg-nn): a float64 network whose middle is the chain
d_0 d_1 d_2 d_3 applied as a linear composition; the exactness loss (projection_norm) builds every soft
projector from its own reduced torch.linalg.svd, so each interior position takes two SVDs (six per step for
the study's chain) and autograd differentiates through them; the chain-axiom loss; exponential annealing;
Adam; and, once per epoch, Betti numbers (SVD kernel/image + QR) and defects (principal angles) in float64
NumPy. What the original spends in torchvision's DataLoader is left out: batches are slices of tensors
normalised once, exactly as on our side, so the comparison is of the training step itself.

Protocol: one command per line on stdin, one JSON object per line on stdout.
  steps N      train N optimiser steps (continuing through shuffled epochs)
  evaluate     accuracy on the test set
  monitor      Betti numbers and exactness defects, each timed
  profile N    per-part timings on N batches, on a copy of the network
  matmul       this torch's float64/float32 matmul throughput
  memory       peak resident memory of this process
  quit
"""
import argparse
import copy
import gzip
import json
import math
import os
import resource
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

MEAN, STD = 0.1307, 0.3081


# ---------------------------------------------------------------- data

def read_idx(path, magic):
    """An IDX file (raw, or path + ".gz") as a NumPy uint8 array; checks the magic number and the size."""
    if os.path.exists(path):
        with open(path, "rb") as f:
            raw = f.read()
    else:
        with gzip.open(path + ".gz", "rb") as f:
            raw = f.read()
    found, = struct.unpack(">I", raw[:4])
    if found != magic:
        raise ValueError(f"{path}: magic number {found:#x}, expected {magic:#x}")
    ndim = magic & 0xFF
    shape = struct.unpack(">" + "I" * ndim, raw[4:4 + 4 * ndim])
    body = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if body.size != int(np.prod(shape)):
        raise ValueError(f"{path}: {body.size} bytes of data, header says {shape}")
    return body.reshape(shape)


def load_split(folder, prefix, limit=None):
    images = read_idx(f"{folder}/{prefix}-images-idx3-ubyte", 0x803)
    labels = read_idx(f"{folder}/{prefix}-labels-idx1-ubyte", 0x801)
    if limit is not None:
        images, labels = images[:limit], labels[:limit]
    x = torch.from_numpy(images.reshape(len(images), -1).astype(np.float64))
    x = ((x / 255.0 - MEAN) / STD).contiguous()
    return x, torch.from_numpy(labels.astype(np.int64))


# ---------------------------------------------------------------- network and losses

class ChainNet(nn.Module):
    """784 -> 512 -> ReLU -> 256 -> ReLU -> chain 256 -> 16 (d_0 d_1 d_2 d_3 x) -> 128 -> ReLU -> 10, float64."""

    def __init__(self, dims):
        super().__init__()
        dt = torch.float64
        self.encoder = nn.Linear(784, 512, dtype=dt)
        self.bridge_in = nn.Linear(512, dims[-1], dtype=dt)
        maps = []
        for i in range(len(dims) - 1):
            # As the original: orthogonal in float32, then float64. Its singular values differ by float32 rounding;
            # exactly equal ones (a float64 orthogonal init) would make the SVD's backward divide 0 by 0.
            d = torch.empty(dims[i], dims[i + 1])
            nn.init.orthogonal_(d)
            maps.append(nn.Parameter(d.to(dt)))
        self.maps = nn.ParameterList(maps)
        self.bridge_out = nn.Linear(dims[0], 128, dtype=dt)
        self.decoder = nn.Linear(128, 10, dtype=dt)

    def forward(self, x):
        h = F.relu(self.bridge_in(F.relu(self.encoder(x))))
        for d in reversed(self.maps):
            h = h @ d.T
        return self.decoder(F.relu(self.bridge_out(h)))


def soft_mask(s, eps):
    return torch.sigmoid((s - eps) / (eps * 0.5))


def kernel_projector(d, eps):
    """I - V diag(mask) V^T from the reduced SVD of d (its own SVD, as in the original)."""
    _, s, vh = torch.linalg.svd(d, full_matrices=False)
    v = vh.T
    return torch.eye(d.shape[1], dtype=d.dtype) - v @ torch.diag(soft_mask(s, eps)) @ v.T


def image_projector(d, eps):
    """U diag(mask) U^T from the reduced SVD of d (its own SVD, as in the original)."""
    u, s, _ = torch.linalg.svd(d, full_matrices=False)
    return u @ torch.diag(soft_mask(s, eps)) @ u.T


def exactness_loss(maps, eps):
    """Mean over interior positions of ||P_ker(d_i) - P_im(d_{i+1})||_F^2: two SVDs per position."""
    total = torch.zeros((), dtype=maps[0].dtype)
    for i in range(len(maps) - 1):
        diff = kernel_projector(maps[i], eps) - image_projector(maps[i + 1], eps)
        total = total + torch.sum(diff ** 2)
    return total / (len(maps) - 1)


def chain_axiom_loss(maps):
    total = torch.zeros((), dtype=maps[0].dtype)
    for i in range(len(maps) - 1):
        total = total + torch.sum((maps[i] @ maps[i + 1]) ** 2)
    return total / (len(maps) - 1)


def exponential_weights(step, total_steps):
    """The study's recommended annealing: exactness 0.1 -> 1.0, chain axiom 2.0 -> 0.5."""
    t = min(max(step / total_steps, 0.0), 1.0) if total_steps > 0 else 1.0
    return 0.1 * (1.0 / 0.1) ** t, 2.0 * (0.5 / 2.0) ** t


# ---------------------------------------------------------------- homology (float64 NumPy, as the original)

def kernel_basis(d, eps):
    _, s, vt = np.linalg.svd(d, full_matrices=True)
    nullity = d.shape[1] - int(np.sum(s >= eps))
    return vt.T[:, d.shape[1] - nullity:] if nullity > 0 else np.zeros((d.shape[1], 0))


def image_basis(d, eps):
    u, s, _ = np.linalg.svd(d, full_matrices=True)
    rank = int(np.sum(s >= eps))
    return u[:, :rank]


def betti_numbers(maps, eps):
    """b_i = columns of (ker d_i minus its projection on im d_{i+1}) whose QR pivot exceeds eps."""
    betti = []
    for i, d in enumerate(maps):
        above = maps[i + 1] if i + 1 < len(maps) else np.zeros((d.shape[1], 1))
        k = kernel_basis(d, eps)
        im = image_basis(above, eps)
        if k.shape[1] == 0:
            betti.append(0)
            continue
        if im.shape[1] == 0:
            betti.append(k.shape[1])
            continue
        residual = k - (im @ im.T) @ k
        _, r = np.linalg.qr(residual, mode="reduced")
        betti.append(int(np.sum(np.abs(np.diag(r)) > eps)))
    return betti


def defects(maps, eps):
    """Subspace distance between ker d_i and im d_{i+1}: sum sin^2 of the principal angles + dimension gap."""
    out = []
    for i in range(len(maps) - 1):
        k = kernel_basis(maps[i], eps)
        im = image_basis(maps[i + 1], eps)
        a, b = k.shape[1], im.shape[1]
        if a == 0 and b == 0:
            out.append(0.0)
        elif a == 0 or b == 0:
            out.append(float(max(a, b)))
        else:
            cos = np.clip(np.linalg.svd(k.T @ im, compute_uv=False), 0.0, 1.0)
            out.append(float(np.sum(np.sin(np.arccos(cos)) ** 2) + abs(a - b)))
    return out


# ---------------------------------------------------------------- the driven session

class Session:
    def __init__(self, args):
        torch.manual_seed(args.seed)
        self.args = args
        self.train_x, self.train_y = load_split(args.data, "train", args.train_limit)
        self.test_x, self.test_y = load_split(args.data, "t10k")
        self.model = ChainNet(args.dims)
        self.optimizer = torch.optim.Adam(self.model.parameters(), lr=args.lr)
        self.batches = math.ceil(len(self.train_y) / args.batch_size)
        self.total_steps = self.batches * args.epochs
        self.step = 0
        self.order = None
        self.generator = torch.Generator().manual_seed(args.seed)

    def train_step(self, model, optimizer, x, y):
        optimizer.zero_grad()
        task = F.cross_entropy(model(x), y)
        w_ex, w_ax = exponential_weights(self.step, self.total_steps)
        maps = list(model.maps)
        ex = exactness_loss(maps, self.args.eps)
        ax = chain_axiom_loss(maps)
        loss = task + self.args.lam * (w_ex * ex + w_ax * ax)
        loss.backward()
        optimizer.step()
        # The original reads four scalars per step for its epoch averages.
        return loss.item(), task.item(), ex.item(), ax.item()

    def batch(self, b):
        if self.order is None or b == 0:
            self.order = torch.randperm(len(self.train_y), generator=self.generator)
        idx = self.order[b * self.args.batch_size:(b + 1) * self.args.batch_size]
        return self.train_x.index_select(0, idx), self.train_y.index_select(0, idx)

    def steps(self, n):
        self.model.train()
        task_sum = 0.0
        times = []
        start = last = time.perf_counter()
        for _ in range(n):
            x, y = self.batch(self.step % self.batches)
            _, task, _, _ = self.train_step(self.model, self.optimizer, x, y)
            task_sum += task
            self.step += 1
            now = time.perf_counter()
            times.append(now - last)
            last = now
        return {"steps": n, "seconds": last - start, "step_seconds": times, "task_loss": task_sum / max(n, 1), "step": self.step}

    def evaluate(self):
        self.model.eval()
        start = time.perf_counter()
        correct = 0
        with torch.no_grad():
            for i in range(0, len(self.test_y), 1000):
                logits = self.model(self.test_x[i:i + 1000])
                correct += int((logits.argmax(1) == self.test_y[i:i + 1000]).sum())
        seconds = time.perf_counter() - start
        return {"seconds": seconds, "accuracy": correct / len(self.test_y)}

    def monitor(self):
        with torch.no_grad():
            maps = [d.detach().numpy().copy() for d in self.model.maps]
        start = time.perf_counter()
        betti = betti_numbers(maps, self.args.eps)
        mid = time.perf_counter()
        defect = defects(maps, self.args.eps)
        end = time.perf_counter()
        return {"betti_seconds": mid - start, "defects_seconds": end - mid, "betti": betti, "defects": defect}

    def profile(self, n):
        """Each part of the step timed on its own, on a copy so that training is not disturbed."""
        model = copy.deepcopy(self.model)
        optimizer = torch.optim.Adam(model.parameters(), lr=self.args.lr)
        eps = self.args.eps
        parts = {"task": [], "exactness": [], "chain_axiom": [], "optimizer": []}
        # The first batch, as ours: the training's shuffling is left alone.
        x, y = self.train_x[:self.args.batch_size], self.train_y[:self.args.batch_size]
        for i in range(n + 1):
            t0 = time.perf_counter()
            optimizer.zero_grad()
            F.cross_entropy(model(x), y).backward()
            t1 = time.perf_counter()
            exactness_loss(list(model.maps), eps).backward()
            t2 = time.perf_counter()
            chain_axiom_loss(list(model.maps)).backward()
            t3 = time.perf_counter()
            optimizer.step()
            t4 = time.perf_counter()
            if i == 0:
                continue  # warm-up
            parts["task"].append(t1 - t0)
            parts["exactness"].append(t2 - t1)
            parts["chain_axiom"].append(t3 - t2)
            parts["optimizer"].append(t4 - t3)
        return {k: float(np.median(v)) for k, v in parts.items()}

    def matmul(self):
        out = {}
        for name, dt in (("float64", torch.float64), ("float32", torch.float32)):
            a = torch.randn(1024, 1024, dtype=dt)
            a @ a
            start = time.perf_counter()
            reps = 8
            for _ in range(reps):
                a @ a
            out[name] = 2.0 * 1024 ** 3 * reps / (time.perf_counter() - start)
        return out


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", required=True, help="folder with the four IDX files (raw or .gz)")
    p.add_argument("--dims", default="16,32,64,128,256")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--lam", type=float, default=0.5)
    p.add_argument("--lr", type=float, default=1e-3)
    p.add_argument("--eps", type=float, default=1e-3)
    p.add_argument("--epochs", type=int, default=15, help="epochs the annealing schedule spans")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--train-limit", type=int, default=None)
    args = p.parse_args()
    args.dims = [int(v) for v in args.dims.split(",")]
    torch.set_num_threads(args.threads)
    session = Session(args)
    reply({"ready": True, "torch": torch.__version__, "numpy": np.__version__, "threads": torch.get_num_threads(),
           "train_images": len(session.train_y), "test_images": len(session.test_y), "batches_per_epoch": session.batches})
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        cmd, rest = words[0], words[1:]
        try:
            if cmd == "quit":
                break
            elif cmd == "steps":
                reply(session.steps(int(rest[0])))
            elif cmd == "evaluate":
                reply(session.evaluate())
            elif cmd == "monitor":
                reply(session.monitor())
            elif cmd == "profile":
                reply(session.profile(int(rest[0])))
            elif cmd == "matmul":
                reply(session.matmul())
            elif cmd == "memory":
                # ru_maxrss is in KiB on Linux.
                reply({"peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024})
            else:
                reply({"error": f"unknown command {cmd!r}"})
        except Exception as e:  # report, keep serving: the driver decides what to do
            reply({"error": f"{type(e).__name__}: {e}"})


def reply(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
