"""Short PyTorch programs that reproduce each view of the Gumbel page with its current values.

Each program stands alone (torch, and scipy where a test is shown); the tests run them and
compare their numbers with `core.gumbel`.
"""

from __future__ import annotations

from collections.abc import Sequence

_NOISE = '''
def gumbel_noise(shape, generator):
    """g = -log(-log U); U is clamped away from 0 and 1 so g is never infinite."""
    u = torch.rand(shape, generator=generator)
    info = torch.finfo(u.dtype)
    return -torch.log(-torch.log(u.clamp(info.tiny, 1 - info.eps / 2)))
'''


def _logits(logits: Sequence[float]) -> str:
    return "torch.tensor([" + ", ".join(repr(float(x)) for x in logits) + "])"


def _program(imports: str, body: str) -> str:
    return f"{imports.strip()}\n{_NOISE}\n{body.strip()}\n"


def distribution_code(loc: float, scale: float, n: int, seed: int) -> str:
    return _program(
        "import math\n\nimport torch",
        f"""
loc, scale, n = {loc!r}, {scale!r}, {n}
gen = torch.Generator().manual_seed({seed})
u = torch.rand(n, generator=gen)
info = torch.finfo(u.dtype)
g = loc - scale * torch.log(-torch.log(u.clamp(info.tiny, 1 - info.eps / 2)))

gumbel = torch.distributions.Gumbel(torch.tensor(loc), torch.tensor(scale))
print("mean  ", g.mean().item(), "exact", gumbel.mean.item())
print("median", g.median().item(), "exact", loc - scale * math.log(math.log(2)))
print("mode  ", "exact", gumbel.mode.item())
""",
    )


def normal_maxima_code(n: int, m: int, seed: int) -> str:
    return _program(
        "import math\n\nimport torch",
        f"""
n, m = {n}, {m}
# normalising constants (Leadbetter, Lindgren and Rootzen 1983, Theorem 1.5.3)
a_n = 1 / math.sqrt(2 * math.log(n))
b_n = math.sqrt(2 * math.log(n)) - (
    math.log(math.log(n)) + math.log(4 * math.pi)
) / (2 * math.sqrt(2 * math.log(n)))

gen = torch.Generator().manual_seed({seed})
rows = max(1, 4_000_000 // n)  # draw in chunks of rows to keep memory small
maxima = torch.cat([
    torch.randn(min(rows, m - start), n, generator=gen).amax(dim=1)
    for start in range(0, m, rows)
])
z = (maxima - b_n) / a_n  # approximately Gumbel(0, 1) for large n
print(z.mean().item(), "-> Euler's gamma 0.5772 as n grows")
""",
    )


def gumbel_max_code(logits: Sequence[float], n: int, seed: int) -> str:
    return _program(
        "import torch\nfrom scipy.stats import chisquare",
        f"""
logits = {_logits(logits)}
n, k = {n}, len(logits)
gen = torch.Generator().manual_seed({seed})
# shift by the max first: huge logits would otherwise swallow the noise
samples = (logits - logits.max() + gumbel_noise((n, k), gen)).argmax(dim=1)

counts = torch.bincount(samples, minlength=k)
p = torch.softmax(logits.double(), dim=0)
print("observed", (counts / n).tolist())
print("softmax ", p.tolist())
# (the page pools categories expected fewer than 5 times before testing)
test = chisquare(counts.numpy(), (n * p).numpy())
print(test)
""",
    )


def gumbel_softmax_code(
    logits: Sequence[float], tau: float, hard: bool, batch: int, seed: int
) -> str:
    return _program(
        "import torch\nimport torch.nn.functional as F",
        f"""
logits = {_logits(logits)}
tau, hard, batch, k = {tau!r}, {hard!r}, {batch}, len(logits)
gen = torch.Generator().manual_seed({seed})
g = gumbel_noise((batch, k), gen)
z = logits - logits.max() + g  # perturbed logits
# right: divide by tau (subtracting the row max first keeps tiny tau finite)
y_soft = torch.softmax((z - z.amax(dim=1, keepdim=True)) / tau, dim=1)
y = y_soft
if hard:  # straight-through: one-hot forward, the soft sample's gradient backward
    y_hard = F.one_hot(y_soft.argmax(dim=1), k).to(y_soft.dtype)
    y = y_hard + (y_soft - y_soft.detach())
# WRONG (a widely copied snippet): multiplies the noise by tau, same noise
y_wrong = torch.softmax(logits - logits.max() + tau * g, dim=1)
print(y)
print(y_wrong)
# the library version, same distribution as y (its own noise):
print(F.gumbel_softmax(logits.expand(batch, k), tau=tau, hard=hard))
""",
    )


def gradients_code(logits: Sequence[float], tau: float, target: int, n: int, seed: int) -> str:
    return _program(
        "import torch\nimport torch.nn.functional as F",
        f"""
logits = {_logits(logits)}
tau, n, k = {tau!r}, {n}, len(logits)
target = {target}  # index of the preferred category c (counting from 0)
e_target = F.one_hot(torch.tensor(target), k).to(logits.dtype)


def mean_gradient(sample):
    \"\"\"d/d logits of the mean over n samples of L(y) = ||y - e_target||^2.\"\"\"
    x = logits.clone().requires_grad_(True)
    loss = ((sample(x) - e_target) ** 2).sum(dim=1).mean()
    return torch.autograd.grad(loss, x)[0]


def ours(x, hard, gen):
    z = x - x.max().detach() + gumbel_noise((n, k), gen)
    y_soft = torch.softmax((z - z.detach().amax(dim=1, keepdim=True)) / tau, dim=1)
    if not hard:
        return y_soft
    y_hard = F.one_hot(y_soft.argmax(dim=1), k).to(y_soft.dtype)
    return y_hard + (y_soft - y_soft.detach())  # straight-through


gen = torch.Generator().manual_seed({seed})
state = gen.get_state()
soft = mean_gradient(lambda x: ours(x, False, gen))
gen.set_state(state)  # the same noise for the hard sample
hard = mean_gradient(lambda x: ours(x, True, gen))
torch_seed = int(torch.randint(2**62, (1,), generator=gen))
torch.manual_seed(torch_seed)
torch_soft = mean_gradient(lambda x: F.gumbel_softmax(x.expand(n, k), tau=tau))
torch.manual_seed(torch_seed)
torch_hard = mean_gradient(lambda x: F.gumbel_softmax(x.expand(n, k), tau=tau, hard=True))
# the true gradient of E[L(one_hot(i))], i ~ Categorical(softmax(logits))
x = logits.clone().requires_grad_(True)
losses = ((torch.eye(k) - e_target) ** 2).sum(dim=1)  # L(one_hot(i)) for each i
exact = torch.autograd.grad((torch.softmax(x, dim=0) * losses).sum(), x)[0]
print(soft, hard, torch_soft, torch_hard, exact, sep="\\n")
""",
    )


def annealing_code(
    logits: Sequence[float], steps: int, rate: float, tau_min: float, n: int, seed: int
) -> str:
    return _program(
        "import torch",
        f"""
logits = {_logits(logits)}
steps, rate, tau_min, n, k = {steps}, {rate!r}, {tau_min!r}, {n}, len(logits)
t = torch.arange(steps, dtype=torch.float64)
taus = torch.exp(-rate * t).clamp(min=tau_min).float()  # tau_t = max(tau_min, exp(-r t))

gen = torch.Generator().manual_seed({seed})
z = (logits - logits.max() + gumbel_noise((steps * n, k), gen)).reshape(steps, n, k)
y = torch.softmax((z - z.amax(dim=2, keepdim=True)) / taus[:, None, None], dim=2)
sharpness = y.max(dim=2).values.mean(dim=1)  # mean largest probability at each step
print(taus[:5], sharpness[:5])
""",
    )


def topk_code(logits: Sequence[float], k: int, n: int, seed: int) -> str:
    return _program(
        "import itertools\n\nimport torch",
        f"""
logits = {_logits(logits)}
k, n, K = {k}, {n}, len(logits)
gen = torch.Generator().manual_seed({seed})
picks = (logits - logits.max() + gumbel_noise((n, K), gen)).topk(k, dim=1).indices
freq = torch.bincount(picks.flatten(), minlength=K) / n

# exact: add up the Plackett-Luce probability of every ordered k-tuple (small K only)
p = torch.softmax(logits.double(), dim=0).tolist()
exact = [0.0] * K
for order in itertools.permutations(range(K), k):
    prob, left = 1.0, 1.0
    for i in order:
        prob *= p[i] / left
        left -= p[i]
    for i in order:
        exact[i] += prob
print("sampled", freq.tolist())
print("exact  ", exact)
""",
    )
