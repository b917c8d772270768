"""The Gaussian-process priors page (d2l.ai §18.2), and the errors of core.kernels / core.gp."""

EN = {
    # page and tabs
    "gp.intro": (
        "A Gaussian process is a distribution over functions: any finite set of values "
        "f(x₁), …, f(xₙ) is jointly normal, with mean m(xᵢ) and covariance k(xᵢ, xⱼ). Here every "
        "picture is drawn live from the kernel, following d2l.ai §18.2."
    ),
    "gp.tab.simple": "Weights → functions",
    "gp.tab.kernels": "Kernels",
    "gp.tab.bumps": "RBF from bumps",
    "gp.tab.network": "Infinite networks",
    "gp.tab.algebra": "Kernel algebra",
    "gp.tab.grid": "2D inputs",
    # shared controls and legends
    "gp.samples": "Samples",
    "gp.samples.help": "How many random functions to draw. Press Resample for new ones.",
    "gp.points": "Input points n",
    "gp.points.help": (
        "How many points x in [-5, 5] the functions are evaluated at: the covariance matrix "
        "is n × n."
    ),
    "gp.kernel": "Kernel",
    "gp.kernel.help": "The covariance function k(x, x') of the prior.",
    "gp.legend.samples": "samples",
    "gp.legend.lines": "lines from random weights",
    "gp.legend.networks": "random networks",
    "gp.legend.band": "mean ± 2 standard deviations",
    "gp.legend.band_exact": "± 2 standard deviations (exact)",
    "gp.legend.band_finite": "± 2 standard deviations (J bumps)",
    "gp.legend.mean": "mean m(x)",
    "gp.density": "density",
    "gp.jitter": (
        "The covariance matrix is numerically singular: its Cholesky factorisation needed a "
        "jitter of {jitter} on the diagonal (the smallest that worked)."
    ),
    "gp.kurtosis": "Excess kurtosis",
    "gp.kurtosis.help": (
        "E[(u − mean)⁴] / Var(u)² − 3 of the draws: 0 for a normal distribution, larger for "
        "heavier tails."
    ),
    # kernel names and parameters
    "gp.kernel.RBF": "RBF (squared exponential)",
    "gp.kernel.Linear": "Linear",
    "gp.kernel.OrnsteinUhlenbeck": "Ornstein-Uhlenbeck",
    "gp.kernel.Matern32": "Matérn 3/2",
    "gp.kernel.Matern52": "Matérn 5/2",
    "gp.kernel.Periodic": "Periodic",
    "gp.kernel.RationalQuadratic": "Rational quadratic",
    "gp.kernel.NeuralNetwork": "Neural network (arcsine)",
    "gp.kernel.ArcCosine": "Arc-cosine (ReLU)",
    "gp.kernel.RBF.note": (
        "Stationary and infinitely differentiable: very smooth functions that vary on the scale ℓ."
    ),
    "gp.kernel.Linear.note": (
        "The kernel of the random line w₀ + w₁x: rank 2, so every sample is a straight line."
    ),
    "gp.kernel.OrnsteinUhlenbeck.note": (
        "Stationary but rough: continuous functions that are nowhere differentiable "
        "(a Brownian motion pulled back to 0)."
    ),
    "gp.kernel.Matern32.note": "Stationary; functions that are once differentiable.",
    "gp.kernel.Matern52.note": "Stationary; functions that are twice differentiable.",
    "gp.kernel.Periodic.note": (
        "Stationary and periodic: every sample repeats itself exactly with period p."
    ),
    "gp.kernel.RationalQuadratic.note": (
        "A mixture of RBF kernels of many lengthscales; it tends to the RBF as α → ∞."
    ),
    "gp.kernel.NeuralNetwork.note": (
        "Not stationary: the covariance of an infinitely wide erf network (Williams 1998); "
        "functions flatten into plateaus far from the origin."
    ),
    "gp.kernel.ArcCosine.note": (
        "Not stationary: the covariance of an infinitely wide ReLU network (Cho & Saul "
        "2009); the variance grows like x²."
    ),
    "gp.param.amplitude": "Amplitude a",
    "gp.param.amplitude.help": "Scales the functions vertically: k = a² × (the shape).",
    "gp.param.lengthscale": "Lengthscale ℓ",
    "gp.param.lengthscale.help": (
        "How far apart two inputs must be before their values decorrelate: the horizontal "
        "scale of the wiggles."
    ),
    "gp.param.period": "Period p",
    "gp.param.period.help": "The distance after which the functions repeat.",
    "gp.param.alpha": "Shape α",
    "gp.param.alpha.help": (
        "Of the rational quadratic: small α mixes many lengthscales, large α approaches RBF."
    ),
    "gp.param.linear_alpha": "Weight scale α",
    "gp.param.linear_alpha.help": "w₀, w₁ ~ N(0, α²): k(x, x') = α² (1 + x x').",
    "gp.param.sigma0": "Bias weight scale σ₀",
    "gp.param.sigma0.help": "Standard deviation of the input-to-hidden bias u₀.",
    "gp.param.sigma": "Input weight scale σ",
    "gp.param.sigma.help": "Standard deviation of the input-to-hidden weight u₁.",
    # tab 1
    "gp.simple.title": "A simple Gaussian process: a random line",
    "gp.simple.intro": (
        "Draw the two weights of f(x) = w₀ + w₁x from N(0, α²): every draw is a line, and at "
        "each x the value f(x) is normal with mean 0 and variance α²(1 + x²). The shaded band "
        "is the exact ± 2α√(1 + x²)."
    ),
    "gp.lin.alpha": "Weight scale α",
    "gp.lin.alpha.help": "Standard deviation of w₀ and w₁.",
    "gp.lin.chart": "Lines from random weights",
    "gp.basis.title": "From weight space to function space",
    "gp.basis.intro": (
        "Any f(x) = wᵀφ(x) with w ~ N(u, S) is a Gaussian process with mean m(x) = uᵀφ(x) and "
        "kernel k(x, x') = φ(x)ᵀSφ(x'), here with S = s²I. Left: functions from random "
        "weights. Right: functions drawn directly from N(m, K). They agree in distribution."
    ),
    "gp.basis.kind": "Basis φ(x)",
    "gp.basis.kind.help": "Polynomials (1, x, …, x^d) or a Fourier series.",
    "gp.basis.polynomial": "Polynomial",
    "gp.basis.fourier": "Fourier",
    "gp.basis.degree": "Degree d",
    "gp.basis.degree.help": "φ(x) = (1, x, x², …, x^d).",
    "gp.basis.freq": "Frequencies K",
    "gp.basis.freq.help": "φ(x) = (1, cos(2πx/p), sin(2πx/p), …, cos(2πKx/p), sin(2πKx/p)).",
    "gp.basis.period": "Period p",
    "gp.basis.period.help": "The period of the Fourier basis.",
    "gp.basis.u": "Mean weights u",
    "gp.basis.u.help": (
        "Numbers separated by commas, one per basis function, each between −10⁶ and 10⁶; "
        "missing ones are 0. For example 0, 1 gives the mean m(x) = x."
    ),
    "gp.basis.u_used": "u = ({u})",
    "gp.basis.s": "Weight scale s",
    "gp.basis.s.help": "S = s² I: the standard deviation of every weight around its mean.",
    "gp.basis.weights": "Sampled in weight space: w ~ N(u, s²I), f = wᵀφ(x)",
    "gp.basis.functions": "Sampled in function space: f ~ N(m, K)",
    "gp.basis.formula_caption": "Both panels show the same mean and the same ± 2σ band.",
    # tab 2
    "gp.kernels.title": "Kernels",
    "gp.kernels.intro": (
        "Choose a kernel and its parameters: sample paths with the ± 2 standard-deviation "
        "band, the covariance matrix, and the slice k(x, x₀). Move x₀: a stationary kernel's "
        "slice only shifts, a non-stationary one changes shape."
    ),
    "gp.kernels.d2l_note": (
        "Note: the code of d2l.ai §18.2 computes the RBF kernel as exp(−dist² / (2 ls)), so "
        "its ls is ℓ², not ℓ (ls = 4 means ℓ = 2). This page uses the formula "
        "a² exp(−|x − x'|² / (2ℓ²))."
    ),
    "gp.kernels.matrix": "Covariance matrix K",
    "gp.kernels.slice": "The slice k(x, x₀)",
    "gp.kernels.x0": "x₀ of the slice",
    "gp.kernels.x0.help": "The fixed input of the slice k(x, x₀).",
    # tab 3
    "gp.bumps.title": "The RBF kernel from infinitely many basis functions",
    "gp.bumps.intro": (
        "f(x) = Σᵢ wᵢ φᵢ(x) with J Gaussian bumps φᵢ of width ℓ and weights wᵢ ~ N(0, σ²/J) "
        "(d2l.ai §18.2.4). Its kernel is a Riemann sum that tends to an RBF kernel of "
        "lengthscale √2 ℓ as J grows. Completing the square gives the constant: the "
        "variance is σ²√π ℓ / (2c) when the centres cover [−c, c]. d2l spreads them over "
        "[−log J, log J], so the variance slowly shrinks like 1/(2 log J) (its formula drops "
        "the 1/(2c)); with a fixed window the limit is one fixed RBF."
    ),
    "gp.bumps.j": "Basis functions J",
    "gp.bumps.j.help": "How many bumps (log scale).",
    "gp.bumps.ls": "Bump width ℓ",
    "gp.bumps.ls.help": "The width ℓ of each bump; the limiting RBF has lengthscale √2 ℓ.",
    "gp.bumps.sigma": "Weight scale σ",
    "gp.bumps.sigma.help": "wᵢ ~ N(0, σ²/J).",
    "gp.bumps.spread": "Centres",
    "gp.bumps.spread.help": (
        "d2l: J cells over [−log J, log J]. Fixed window: J cells over [−c, c] with "
        "c = 3 + 4ℓ, just beyond the plotted inputs."
    ),
    "gp.bumps.spread.d2l": "d2l: [−log J, log J]",
    "gp.bumps.spread.window": "fixed window",
    "gp.bumps.basis": "The bumps φᵢ(x) ({shown} of {total} shown)",
    "gp.bumps.functions": "Functions sampled in weight space",
    "gp.bumps.slice": "Kernel slice k(x, 0)",
    "gp.bumps.k_j": "k_J(x, 0), J = {j}",
    "gp.bumps.k_limit": "limiting RBF",
    "gp.bumps.convergence": "How fast k_J approaches the RBF",
    "gp.bumps.error": "max |k_J − k_RBF| / a²",
    "gp.bumps.error_axis": "relative max difference",
    "gp.bumps.current": "current J",
    "gp.bumps.limit": "Limit for centres on [−{c}, {c}]: {kernel}",
    "gp.bumps.no_limit": "One bump at c = log 1 = 0 has no limiting kernel: increase J.",
    "gp.bumps.formula_caption": (
        "For x, x' well inside [−c, c]; c = log J in d2l, so the amplitude depends on J."
    ),
    # tab 4
    "gp.net.title": "An infinitely wide network is a Gaussian process",
    "gp.net.intro": (
        "A one-hidden-layer network with J hidden units and random weights "
        "(Neal 1996): the bias b ~ N(0, σ_b²), output weights vᵢ ~ N(0, σ_v²/J), input "
        "weights (u₀, u₁) ~ N(0, diag(σ₀², σ²)). Its covariance is the same for every J; as J "
        "grows the central limit theorem makes it a Gaussian process with that kernel."
    ),
    "gp.net.activation": "Activation function h",
    "gp.net.activation.help": (
        "erf gives the neural-network (arcsine) kernel, ReLU the arc-cosine kernel."
    ),
    "gp.net.j": "Hidden units J",
    "gp.net.j.help": "Width of the hidden layer (log scale).",
    "gp.net.n": "Networks",
    "gp.net.n.help": "How many random networks (and GP samples) to draw.",
    "gp.net.sigma_b": "Output bias scale σ_b",
    "gp.net.sigma_b.help": "b ~ N(0, σ_b²).",
    "gp.net.sigma_v": "Output weight scale σ_v",
    "gp.net.sigma_v.help": "vᵢ ~ N(0, σ_v²/J).",
    "gp.net.sigma0": "Bias weight scale σ₀",
    "gp.net.sigma0.help": "u₀ ~ N(0, σ₀²).",
    "gp.net.sigma": "Input weight scale σ",
    "gp.net.sigma.help": "u₁ ~ N(0, σ²).",
    "gp.net.networks": "Random networks, J = {j}",
    "gp.net.gp": "The GP limit: {kernel}",
    "gp.net.x0": "x₀ of the histogram",
    "gp.net.x0.help": "The input at which f(x₀) is collected over many networks.",
    "gp.net.hist": "f(x₀) over {n} random networks, x₀ = {x0}",
    "gp.net.hist_legend": "f(x₀) of the networks",
    "gp.net.clt": (
        "With few hidden units the histogram has heavy tails (excess kurtosis > 0); as J "
        "grows it approaches the normal curve: the central limit theorem at work."
    ),
    "gp.net.erf.note": "The erf network's hidden-unit kernel k_h (Williams 1998).",
    "gp.net.relu.note": "The ReLU network's hidden-unit kernel k_h (Cho & Saul 2009, halved).",
    # tab 5
    "gp.alg.title": "Kernel algebra and the chapter's exercises",
    "gp.alg.view": "Exercise",
    "gp.alg.view.help": "Each view answers one question of d2l.ai §18.2 by picture.",
    "gp.alg.compose": "Compose two kernels",
    "gp.alg.sum": "u = f + 2g",
    "gp.alg.warp": "g(x) = x² f(x)",
    "gp.alg.amplitude": "The amplitude",
    "gp.alg.ou_rbf": "OU against RBF",
    "gp.alg.product": "u = f · g is not Gaussian",
    "gp.alg.compose.intro": (
        "Sums and (elementwise) products of kernels are kernels. Pick two and combine them: "
        "RBF × Periodic gives locally periodic functions, RBF + Linear a trend with wiggles."
    ),
    "gp.alg.sum.intro": (
        "Exercise 3: with independent f ~ GP(0, k₁) and g ~ GP(0, k₂), u = f + 2g is a GP with "
        "kernel k₁ + 4k₂. Left: u built from samples of f and g. Right: drawn directly from "
        "k₁ + 4k₂."
    ),
    "gp.alg.warp.intro": (
        "Exercise 4: g(x) = a(x) f(x) with a(x) = x² is a GP with kernel a(x)a(x')k(x, x'). "
        "The envelope grows like x² and pins every sample to 0 at x = 0."
    ),
    "gp.alg.amplitude.intro": (
        "Exercise 2: the amplitude a² only rescales. Both panels use the same random numbers "
        "z: the shapes are identical and the vertical scale differs by the factor a."
    ),
    "gp.alg.ou_rbf.intro": (
        "Exercise 1: at the same lengthscale, OU samples (left) are rough and jagged, RBF "
        "samples (right) smooth. Both use the same random numbers z."
    ),
    "gp.alg.product.intro": (
        "Exercise 5: u = f · g has covariance k₁ · k₂, yet it is not a Gaussian process. "
        "Its paths look similar to those of the GP with kernel k₁ · k₂, but at one point "
        "u(x₀) is a product of two normals: peaked with heavy tails, excess kurtosis 6."
    ),
    "gp.alg.k1": "Kernel k₁",
    "gp.alg.k2": "Kernel k₂",
    "gp.alg.op": "Combine with",
    "gp.alg.op.help": "+ adds the kernels, * multiplies them elementwise.",
    "gp.alg.compose.note": (
        "Sum: the covariance of f + g. Product: the covariance of f · g for independent f "
        "and g, though f · g itself is not Gaussian (see the last exercise)."
    ),
    "gp.alg.sum.built": "u = f + 2g from samples of f and g",
    "gp.alg.sum.direct": "drawn from k₁ + 4k₂",
    "gp.alg.warp.built": "x² f(x) from samples of f",
    "gp.alg.warp.direct": "drawn from x² x'² k(x, x')",
    "gp.alg.amplitude.one": "a = 1",
    "gp.alg.amplitude.a": "a = {amplitude:g} (same z)",
    "gp.alg.ou_rbf.ou": "Ornstein-Uhlenbeck",
    "gp.alg.ou_rbf.rbf": "RBF (same z)",
    "gp.alg.ou_rbf.note": (
        "d2l's exercise writes the OU kernel as exp(−|x − x'| / (2ℓ)); here it is "
        "exp(−|x − x'| / ℓ), with ℓ the same as the RBF's."
    ),
    "gp.alg.product.built": "u = f · g from samples of f and g",
    "gp.alg.product.direct": "GP with kernel k₁ · k₂",
    "gp.alg.x0": "x₀ of the histogram",
    "gp.alg.x0.help": "The input at which u(x₀) = f(x₀) g(x₀) is collected.",
    "gp.alg.product.hist": "u(x₀) over {n} draws, x₀ = {x0}",
    "gp.alg.product.normal": "normal with the same variance",
    "gp.alg.product.verdict": (
        "A Gaussian has excess kurtosis 0; the product of two independent normals has 6. "
        "So u is not a Gaussian process, although its mean and covariance are those of one."
    ),
    # tab 6
    "gp.grid.title": "Two-dimensional inputs",
    "gp.grid.intro": (
        "A stationary kernel depends only on the distance r = |x − x'|, so it works unchanged "
        "for x = (x₁, x₂). One prior sample over a grid, as a surface and as a heat map."
    ),
    "gp.grid.n": "Grid size",
    "gp.grid.n.help": "Points per side: the covariance matrix has (size²)² entries.",
    "gp.grid.note": "One sample at {n} input points (a {n} × {n} covariance matrix).",
    # errors raised by core.kernels, core.gp, core.weight_space, core.wide_networks
    "error.gp_input_shape": "{name} must have shape (n,) or (n, d), got shape {shape}.",
    "error.gp_input_type": "{name} must be numbers, got {got}.",
    "error.gp_input_dims": (
        "x1 and x2 must have the same number of input dimensions, got {d1} and {d2}."
    ),
    "error.gp_modulated_dims": "a(x) needs one-dimensional inputs, got {d} dimensions.",
    "error.gp_unknown_kernel": "Unknown kernel {name}; choose one of {options}.",
    "error.gp_network_too_big": (
        "{n} networks of {j} hidden units need too many weights: their product must be at "
        "most {limit}."
    ),
    "error.gp_unknown_activation": "Unknown activation {name}; choose one of {options}.",
    "error.gp_point_shape": (
        "x0 must be one point: a number, the list of its d coordinates or a (1, d) row; "
        "got shape {shape}."
    ),
    "error.gp_not_a_kernel": "kernel must be a Kernel object (e.g. RBF()), got {got}.",
    "error.gp_not_square": "The covariance matrix must be square, got shape {shape}.",
    "error.gp_not_psd": (
        "The covariance matrix is not positive semi-definite: its Cholesky factorisation "
        "fails even with a jitter of {jitter:.1e} on the diagonal."
    ),
    "error.gp_grid_range": "The grid needs low < high, got {low:g} and {high:g}.",
    "error.gp_constant_values": "The kurtosis of constant values is undefined.",
    "error.gp_basis_dims": "This basis takes one-dimensional inputs, got {d} dimensions.",
    "error.gp_weights_size": (
        "The basis has {size} functions, so u takes at most {size} numbers; got {got}."
    ),
    "error.gp_weights_text": ("The mean weights must be numbers separated by commas, got {token}."),
    "error.gp_weight_range": (
        "The mean weight {value:g} is out of range: each uᵢ must lie from {low:g} to {high:g}."
    ),
    "error.gp_bumps_no_limit": "One bump at c = log 1 = 0 has no limiting kernel: use J ≥ 2.",
}

ZH = {
    "gp.intro": (
        "高斯过程是函数上的分布：任意有限个函数值 f(x₁), …, f(xₙ) 服从联合正态分布，"
        "均值为 m(xᵢ)，协方差为 k(xᵢ, xⱼ)。本页每张图都由核函数实时采样绘制，内容参照 d2l.ai §18.2。"
    ),
    "gp.tab.simple": "权重 → 函数",
    "gp.tab.kernels": "核函数",
    "gp.tab.bumps": "由基函数得到 RBF",
    "gp.tab.network": "无限宽网络",
    "gp.tab.algebra": "核函数运算",
    "gp.tab.grid": "二维输入",
    "gp.samples": "样本数",
    "gp.samples.help": "抽取多少个随机函数。点击“重新采样”可获得新的样本。",
    "gp.points": "输入点数 n",
    "gp.points.help": "在 [-5, 5] 中取多少个点 x 计算函数值：协方差矩阵为 n × n。",
    "gp.kernel": "核函数",
    "gp.kernel.help": "先验的协方差函数 k(x, x')。",
    "gp.legend.samples": "样本",
    "gp.legend.lines": "随机权重给出的直线",
    "gp.legend.networks": "随机网络",
    "gp.legend.band": "均值 ± 2 个标准差",
    "gp.legend.band_exact": "± 2 个标准差（精确）",
    "gp.legend.band_finite": "± 2 个标准差（J 个基函数）",
    "gp.legend.mean": "均值 m(x)",
    "gp.density": "密度",
    "gp.jitter": (
        "协方差矩阵在数值上是奇异的：Cholesky 分解需要在对角线上加上 {jitter} 的抖动项"
        "（可行的最小值）。"
    ),
    "gp.kurtosis": "超额峰度",
    "gp.kurtosis.help": "样本的 E[(u − 均值)⁴] / Var(u)² − 3：正态分布为 0，尾部越重越大。",
    "gp.kernel.RBF": "RBF（平方指数）",
    "gp.kernel.Linear": "线性",
    "gp.kernel.OrnsteinUhlenbeck": "Ornstein-Uhlenbeck",
    "gp.kernel.Matern32": "Matérn 3/2",
    "gp.kernel.Matern52": "Matérn 5/2",
    "gp.kernel.Periodic": "周期",
    "gp.kernel.RationalQuadratic": "有理二次",
    "gp.kernel.NeuralNetwork": "神经网络（反正弦）",
    "gp.kernel.ArcCosine": "反余弦（ReLU）",
    "gp.kernel.RBF.note": "平稳且无穷次可微：在长度尺度 ℓ 上变化的非常光滑的函数。",
    "gp.kernel.Linear.note": "随机直线 w₀ + w₁x 的核函数：秩为 2，所以每个样本都是一条直线。",
    "gp.kernel.OrnsteinUhlenbeck.note": (
        "平稳但粗糙：连续但处处不可微的函数（被拉回 0 的布朗运动）。"
    ),
    "gp.kernel.Matern32.note": "平稳；样本函数一次可微。",
    "gp.kernel.Matern52.note": "平稳；样本函数二次可微。",
    "gp.kernel.Periodic.note": "平稳且具有周期性：每个样本都以周期 p 严格重复。",
    "gp.kernel.RationalQuadratic.note": "许多不同长度尺度的 RBF 核的混合；当 α → ∞ 时趋于 RBF。",
    "gp.kernel.NeuralNetwork.note": (
        "非平稳：无限宽 erf 网络的协方差（Williams 1998）；远离原点处函数变平，形成平台。"
    ),
    "gp.kernel.ArcCosine.note": (
        "非平稳：无限宽 ReLU 网络的协方差（Cho & Saul 2009）；方差按 x² 增长。"
    ),
    "gp.param.amplitude": "幅度 a",
    "gp.param.amplitude.help": "在竖直方向缩放函数：k = a² ×（形状）。",
    "gp.param.lengthscale": "长度尺度 ℓ",
    "gp.param.lengthscale.help": "两个输入要相距多远，其函数值才不再相关：即起伏的水平尺度。",
    "gp.param.period": "周期 p",
    "gp.param.period.help": "函数重复的间隔。",
    "gp.param.alpha": "形状参数 α",
    "gp.param.alpha.help": "有理二次核的参数：α 小时混合许多长度尺度，α 大时接近 RBF。",
    "gp.param.linear_alpha": "权重尺度 α",
    "gp.param.linear_alpha.help": "w₀, w₁ ~ N(0, α²)：k(x, x') = α² (1 + x x')。",
    "gp.param.sigma0": "偏置权重尺度 σ₀",
    "gp.param.sigma0.help": "输入到隐藏层的偏置 u₀ 的标准差。",
    "gp.param.sigma": "输入权重尺度 σ",
    "gp.param.sigma.help": "输入到隐藏层的权重 u₁ 的标准差。",
    "gp.simple.title": "一个简单的高斯过程：随机直线",
    "gp.simple.intro": (
        "从 N(0, α²) 中抽取 f(x) = w₀ + w₁x 的两个权重：每次抽取都得到一条直线，"
        "并且在每个 x 处 f(x) 服从均值为 0、方差为 α²(1 + x²) 的正态分布。阴影带是精确的 "
        "± 2α√(1 + x²)。"
    ),
    "gp.lin.alpha": "权重尺度 α",
    "gp.lin.alpha.help": "w₀ 和 w₁ 的标准差。",
    "gp.lin.chart": "随机权重给出的直线",
    "gp.basis.title": "从权重空间到函数空间",
    "gp.basis.intro": (
        "任何 f(x) = wᵀφ(x)（其中 w ~ N(u, S)）都是均值为 m(x) = uᵀφ(x)、核函数为 "
        "k(x, x') = φ(x)ᵀSφ(x') 的高斯过程，这里 S = s²I。左图：由随机权重得到的函数。"
        "右图：直接从 N(m, K) 抽取的函数。二者分布相同。"
    ),
    "gp.basis.kind": "基函数 φ(x)",
    "gp.basis.kind.help": "多项式 (1, x, …, x^d) 或傅里叶级数。",
    "gp.basis.polynomial": "多项式",
    "gp.basis.fourier": "傅里叶",
    "gp.basis.degree": "次数 d",
    "gp.basis.degree.help": "φ(x) = (1, x, x², …, x^d)。",
    "gp.basis.freq": "频率数 K",
    "gp.basis.freq.help": "φ(x) = (1, cos(2πx/p), sin(2πx/p), …, cos(2πKx/p), sin(2πKx/p))。",
    "gp.basis.period": "周期 p",
    "gp.basis.period.help": "傅里叶基函数的周期。",
    "gp.basis.u": "权重均值 u",
    "gp.basis.u.help": (
        "用逗号分隔的数，每个基函数一个，每个都在 −10⁶ 与 10⁶ 之间；缺少的视为 0。"
        "例如 0, 1 给出均值 m(x) = x。"
    ),
    "gp.basis.u_used": "u = ({u})",
    "gp.basis.s": "权重尺度 s",
    "gp.basis.s.help": "S = s² I：每个权重围绕其均值的标准差。",
    "gp.basis.weights": "在权重空间中采样：w ~ N(u, s²I)，f = wᵀφ(x)",
    "gp.basis.functions": "在函数空间中采样：f ~ N(m, K)",
    "gp.basis.formula_caption": "两幅图显示相同的均值和相同的 ± 2σ 区间带。",
    "gp.kernels.title": "核函数",
    "gp.kernels.intro": (
        "选择核函数及其参数：带有 ± 2 个标准差区间的样本路径、协方差矩阵，以及切片 k(x, x₀)。"
        "移动 x₀：平稳核的切片只会平移，非平稳核的切片会改变形状。"
    ),
    "gp.kernels.d2l_note": (
        "注意：d2l.ai §18.2 的代码把 RBF 核写成 exp(−dist² / (2 ls))，所以其中的 ls 是 ℓ² 而不是 ℓ"
        "（ls = 4 表示 ℓ = 2）。本页使用公式 a² exp(−|x − x'|² / (2ℓ²))。"
    ),
    "gp.kernels.matrix": "协方差矩阵 K",
    "gp.kernels.slice": "切片 k(x, x₀)",
    "gp.kernels.x0": "切片的 x₀",
    "gp.kernels.x0.help": "切片 k(x, x₀) 中固定的输入。",
    "gp.bumps.title": "由无穷多个基函数得到 RBF 核",
    "gp.bumps.intro": (
        "f(x) = Σᵢ wᵢ φᵢ(x)，其中 φᵢ 是 J 个宽度为 ℓ 的高斯凸起（基函数），权重 wᵢ ~ N(0, σ²/J)"
        "（d2l.ai §18.2.4）。它的核函数是一个黎曼和，随着 J 增大趋于长度尺度为 √2 ℓ 的 RBF 核。"
        "配方可得常数：当中心覆盖 [−c, c] 时方差为 σ²√π ℓ / (2c)。d2l 把中心分布在 "
        "[−log J, log J] 上，因此方差以 1/(2 log J) 的速度缓慢减小（其公式漏掉了 1/(2c)）；"
        "使用固定窗口时，极限是一个固定的 RBF。"
    ),
    "gp.bumps.j": "基函数个数 J",
    "gp.bumps.j.help": "基函数的个数（对数刻度）。",
    "gp.bumps.ls": "基函数宽度 ℓ",
    "gp.bumps.ls.help": "每个基函数的宽度 ℓ；极限 RBF 的长度尺度为 √2 ℓ。",
    "gp.bumps.sigma": "权重尺度 σ",
    "gp.bumps.sigma.help": "wᵢ ~ N(0, σ²/J)。",
    "gp.bumps.spread": "中心",
    "gp.bumps.spread.help": (
        "d2l：在 [−log J, log J] 上划分 J 个单元。固定窗口：在 [−c, c] 上划分 J 个单元，"
        "c = 3 + 4ℓ，略超出绘图的输入范围。"
    ),
    "gp.bumps.spread.d2l": "d2l：[−log J, log J]",
    "gp.bumps.spread.window": "固定窗口",
    "gp.bumps.basis": "基函数 φᵢ(x)（显示 {total} 个中的 {shown} 个）",
    "gp.bumps.functions": "在权重空间中采样的函数",
    "gp.bumps.slice": "核函数切片 k(x, 0)",
    "gp.bumps.k_j": "k_J(x, 0)，J = {j}",
    "gp.bumps.k_limit": "极限 RBF",
    "gp.bumps.convergence": "k_J 趋近 RBF 的速度",
    "gp.bumps.error": "max |k_J − k_RBF| / a²",
    "gp.bumps.error_axis": "相对最大差值",
    "gp.bumps.current": "当前 J",
    "gp.bumps.limit": "中心位于 [−{c}, {c}] 时的极限：{kernel}",
    "gp.bumps.no_limit": "位于 c = log 1 = 0 的单个基函数没有极限核：请增大 J。",
    "gp.bumps.formula_caption": "适用于远离 [−c, c] 边界的 x, x'；d2l 中 c = log J，因此幅度依赖于 J。",
    "gp.net.title": "无限宽的网络是高斯过程",
    "gp.net.intro": (
        "一个具有 J 个隐藏单元和随机权重的单隐藏层网络（Neal 1996）：偏置 b ~ N(0, σ_b²)，"
        "输出权重 vᵢ ~ N(0, σ_v²/J)，输入权重 (u₀, u₁) ~ N(0, diag(σ₀², σ²))。"
        "对任意 J 它的协方差都相同；随着 J 增大，中心极限定理使它成为具有该核函数的高斯过程。"
    ),
    "gp.net.activation": "激活函数 h",
    "gp.net.activation.help": "erf 给出神经网络（反正弦）核，ReLU 给出反余弦核。",
    "gp.net.j": "隐藏单元数 J",
    "gp.net.j.help": "隐藏层的宽度（对数刻度）。",
    "gp.net.n": "网络数",
    "gp.net.n.help": "抽取多少个随机网络（以及高斯过程样本）。",
    "gp.net.sigma_b": "输出偏置尺度 σ_b",
    "gp.net.sigma_b.help": "b ~ N(0, σ_b²)。",
    "gp.net.sigma_v": "输出权重尺度 σ_v",
    "gp.net.sigma_v.help": "vᵢ ~ N(0, σ_v²/J)。",
    "gp.net.sigma0": "偏置权重尺度 σ₀",
    "gp.net.sigma0.help": "u₀ ~ N(0, σ₀²)。",
    "gp.net.sigma": "输入权重尺度 σ",
    "gp.net.sigma.help": "u₁ ~ N(0, σ²)。",
    "gp.net.networks": "随机网络，J = {j}",
    "gp.net.gp": "高斯过程极限：{kernel}",
    "gp.net.x0": "直方图的 x₀",
    "gp.net.x0.help": "在许多网络上收集 f(x₀) 的输入点。",
    "gp.net.hist": "{n} 个随机网络的 f(x₀)，x₀ = {x0}",
    "gp.net.hist_legend": "网络的 f(x₀)",
    "gp.net.clt": (
        "隐藏单元很少时直方图尾部较重（超额峰度 > 0）；随着 J 增大它趋近正态曲线：这就是中心极限定理。"
    ),
    "gp.net.erf.note": "erf 网络的隐藏单元核 k_h（Williams 1998）。",
    "gp.net.relu.note": "ReLU 网络的隐藏单元核 k_h（Cho & Saul 2009，取一半）。",
    "gp.alg.title": "核函数运算与本节练习",
    "gp.alg.view": "练习",
    "gp.alg.view.help": "每个视图用图回答 d2l.ai §18.2 的一个问题。",
    "gp.alg.compose": "组合两个核函数",
    "gp.alg.sum": "u = f + 2g",
    "gp.alg.warp": "g(x) = x² f(x)",
    "gp.alg.amplitude": "幅度",
    "gp.alg.ou_rbf": "OU 与 RBF 对比",
    "gp.alg.product": "u = f · g 不是高斯的",
    "gp.alg.compose.intro": (
        "核函数的和与（逐元素）乘积仍是核函数。选择两个核函数并组合：RBF × 周期核给出局部周期函数，"
        "RBF + 线性核给出带起伏的趋势。"
    ),
    "gp.alg.sum.intro": (
        "练习 3：对独立的 f ~ GP(0, k₁) 和 g ~ GP(0, k₂)，u = f + 2g 是核函数为 k₁ + 4k₂ 的高斯过程。"
        "左图：由 f 和 g 的样本构造 u。右图：直接从 k₁ + 4k₂ 采样。"
    ),
    "gp.alg.warp.intro": (
        "练习 4：g(x) = a(x) f(x)（其中 a(x) = x²）是核函数为 a(x)a(x')k(x, x') 的高斯过程。"
        "包络按 x² 增长，并使每个样本在 x = 0 处都等于 0。"
    ),
    "gp.alg.amplitude.intro": (
        "练习 2：幅度 a² 只起缩放作用。两幅图使用相同的随机数 z：形状完全相同，竖直尺度相差 a 倍。"
    ),
    "gp.alg.ou_rbf.intro": (
        "练习 1：在相同的长度尺度下，OU 样本（左）粗糙、呈锯齿状，RBF 样本（右）光滑。二者使用相同的随机数 z。"
    ),
    "gp.alg.product.intro": (
        "练习 5：u = f · g 的协方差为 k₁ · k₂，但它不是高斯过程。它的路径看起来与核函数为 k₁ · k₂ "
        "的高斯过程相似，但在单个点上 u(x₀) 是两个正态变量的乘积：峰尖、尾重，超额峰度为 6。"
    ),
    "gp.alg.k1": "核函数 k₁",
    "gp.alg.k2": "核函数 k₂",
    "gp.alg.op": "组合方式",
    "gp.alg.op.help": "+ 将核函数相加，* 将它们逐元素相乘。",
    "gp.alg.compose.note": (
        "和：f + g 的协方差。积：独立的 f 与 g 的乘积 f · g 的协方差，但 f · g 本身不是高斯的（见最后一个练习）。"
    ),
    "gp.alg.sum.built": "由 f 和 g 的样本构造 u = f + 2g",
    "gp.alg.sum.direct": "直接从 k₁ + 4k₂ 采样",
    "gp.alg.warp.built": "由 f 的样本构造 x² f(x)",
    "gp.alg.warp.direct": "直接从 x² x'² k(x, x') 采样",
    "gp.alg.amplitude.one": "a = 1",
    "gp.alg.amplitude.a": "a = {amplitude:g}（相同的 z）",
    "gp.alg.ou_rbf.ou": "Ornstein-Uhlenbeck",
    "gp.alg.ou_rbf.rbf": "RBF（相同的 z）",
    "gp.alg.ou_rbf.note": (
        "d2l 的练习把 OU 核写成 exp(−|x − x'| / (2ℓ))；这里是 exp(−|x − x'| / ℓ)，ℓ 与 RBF 的相同。"
    ),
    "gp.alg.product.built": "由 f 和 g 的样本构造 u = f · g",
    "gp.alg.product.direct": "核函数为 k₁ · k₂ 的高斯过程",
    "gp.alg.x0": "直方图的 x₀",
    "gp.alg.x0.help": "收集 u(x₀) = f(x₀) g(x₀) 的输入点。",
    "gp.alg.product.hist": "{n} 次采样的 u(x₀)，x₀ = {x0}",
    "gp.alg.product.normal": "方差相同的正态分布",
    "gp.alg.product.verdict": (
        "高斯分布的超额峰度为 0；两个独立正态变量的乘积为 6。"
        "所以 u 不是高斯过程，尽管它的均值和协方差与某个高斯过程相同。"
    ),
    "gp.grid.title": "二维输入",
    "gp.grid.intro": (
        "平稳核只依赖于距离 r = |x − x'|，因此对 x = (x₁, x₂) 无需改动即可使用。"
        "下图是网格上的一个先验样本，分别画成曲面和热图。"
    ),
    "gp.grid.n": "网格大小",
    "gp.grid.n.help": "每边的点数：协方差矩阵共有 (点数²)² 个元素。",
    "gp.grid.note": "在 {n} 个输入点上的一个样本（{n} × {n} 的协方差矩阵）。",
    "error.gp_input_shape": "{name} 的形状必须是 (n,) 或 (n, d)，实际形状为 {shape}。",
    "error.gp_input_type": "{name} 必须是数值，实际为 {got}。",
    "error.gp_input_dims": "x1 和 x2 的输入维数必须相同，实际为 {d1} 和 {d2}。",
    "error.gp_modulated_dims": "a(x) 需要一维输入，实际为 {d} 维。",
    "error.gp_unknown_kernel": "未知的核函数 {name}；可选：{options}。",
    "error.gp_network_too_big": "{n} 个具有 {j} 个隐藏单元的网络需要太多权重：二者之积最多为 {limit}。",
    "error.gp_unknown_activation": "未知的激活函数 {name}；可选：{options}。",
    "error.gp_point_shape": "x0 必须是一个点：一个数、其 d 个坐标组成的列表或一个 (1, d) 行；实际形状为 {shape}。",
    "error.gp_not_a_kernel": "kernel 必须是 Kernel 对象（例如 RBF()），实际为 {got}。",
    "error.gp_not_square": "协方差矩阵必须是方阵，实际形状为 {shape}。",
    "error.gp_not_psd": (
        "协方差矩阵不是半正定的：即使在对角线上加上 {jitter:.1e} 的抖动项，Cholesky 分解仍然失败。"
    ),
    "error.gp_grid_range": "网格需要 low < high，实际为 {low:g} 和 {high:g}。",
    "error.gp_constant_values": "常数值的峰度没有定义。",
    "error.gp_basis_dims": "该基函数只接受一维输入，实际为 {d} 维。",
    "error.gp_weights_size": "基函数共有 {size} 个，所以 u 最多有 {size} 个数；实际为 {got} 个。",
    "error.gp_weights_text": "权重均值必须是用逗号分隔的数，实际为 {token}。",
    "error.gp_weight_range": "权重均值 {value:g} 超出范围：每个 uᵢ 都必须在 {low:g} 与 {high:g} 之间。",
    "error.gp_bumps_no_limit": "位于 c = log 1 = 0 的单个基函数没有极限核：请使用 J ≥ 2。",
}
