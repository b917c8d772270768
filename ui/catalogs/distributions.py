"""The Normal-distributions page: the 2D normal and the 1D distributions (keys ``dist.``)."""

_PARAM_HELP_EN = {
    "loc": "Location: shifts the distribution along x without changing its shape.",
    "scale": "Scale (> 0): stretches the distribution around its location.",
    "low": "Lower end a of the interval [a, b); must be below b.",
    "high": "Upper end b of the interval [a, b); must be above a.",
    "df": "Degrees of freedom ν (> 0): small ν gives heavy tails; as ν grows, StudentT tends "
    "to the normal. The mean exists only for ν > 1 and the variance only for ν > 2.",
    "rate": "Rate (> 0): the inverse of a scale.",
    "concentration": "Shape α (> 0) of the Gamma: below 1 the density is infinite at 0.",
    "concentration1": "α (> 0): weight near 1. Below 1 the density is infinite at 0.",
    "concentration0": "β (> 0): weight near 0. Below 1 the density is infinite at 1.",
}

_PARAM_HELP_ZH = {
    "loc": "位置参数：沿 x 平移分布，不改变其形状。",
    "scale": "尺度参数（> 0）：围绕位置参数拉伸分布。",
    "low": "区间 [a, b) 的下端 a；必须小于 b。",
    "high": "区间 [a, b) 的上端 b；必须大于 a。",
    "df": "自由度 ν（> 0）：ν 越小尾部越重；ν 增大时 StudentT 趋于正态分布。"
    "均值仅在 ν > 1 时存在，方差仅在 ν > 2 时存在。",
    "rate": "速率参数（> 0）：尺度参数的倒数。",
    "concentration": "Gamma 的形状参数 α（> 0）：小于 1 时密度在 0 处为无穷大。",
    "concentration1": "α（> 0）：1 附近的权重。小于 1 时密度在 0 处为无穷大。",
    "concentration0": "β（> 0）：0 附近的权重。小于 1 时密度在 1 处为无穷大。",
}

EN = {
    "dist.intro": (
        "`torch.distributions` in action: a distribution object with `sample()`, "
        "`rsample()` and `log_prob()`, its mean and covariance, and why mean, median and mode "
        "coincide for a normal but not for skewed distributions."
    ),
    "dist.tab.2d": "2D normal",
    "dist.tab.1d": "1D distributions",
    # 2D controls
    "dist.2d.formula_caption": (
        "MultivariateNormal(mean, covariance_matrix): the density the contours show is "
        "exp(log_prob) on a grid."
    ),
    "dist.2d.controls": "Mean and covariance",
    "dist.mx.label": "Mean μₓ",
    "dist.mx.help": "First entry of the mean vector: moves the cloud left and right.",
    "dist.my.label": "Mean μᵧ",
    "dist.my.help": "Second entry of the mean vector: moves the cloud up and down.",
    "dist.cov_mode.label": "Covariance from",
    "dist.cov_mode.help": (
        "Sliders for σₓ, σᵧ and ρ always give a valid matrix; typing the four entries lets "
        "you try invalid ones and see why they are rejected."
    ),
    "dist.cov_mode.sliders": "σₓ, σᵧ, ρ",
    "dist.cov_mode.matrix": "Edit the matrix",
    "dist.sx.label": "Standard deviation σₓ",
    "dist.sx.help": "Spread along x: Σₓₓ = σₓ².",
    "dist.sy.label": "Standard deviation σᵧ",
    "dist.sy.help": "Spread along y: Σᵧᵧ = σᵧ².",
    "dist.rho.label": "Correlation ρ",
    "dist.rho.help": (
        "Correlation between x and y, strictly between -1 and 1: Σₓᵧ = ρσₓσᵧ. At ±1 the "
        "matrix would be singular."
    ),
    "dist.c11.label": "Σₓₓ",
    "dist.c12.label": "Σₓᵧ",
    "dist.c21.label": "Σᵧₓ",
    "dist.c22.label": "Σᵧᵧ",
    "dist.matrix.help": (
        "An entry of the covariance matrix. Valid matrices are symmetric (Σₓᵧ = Σᵧₓ) and "
        "positive definite (both eigenvalues > 0)."
    ),
    "dist.matrix.caption": (
        "A covariance matrix must be symmetric and positive definite: Σₓₓ > 0, Σᵧᵧ > 0 and "
        "Σₓᵧ² < ΣₓₓΣᵧᵧ."
    ),
    "dist.nearest.button": "Use the nearest valid matrix",
    "dist.nearest.help": (
        "Symmetrise the matrix and raise its eigenvalues to at least 1 % of the largest one."
    ),
    "dist.last_valid": "The chart keeps showing the last valid distribution.",
    "dist.n.label": "Number of samples n",
    "dist.n.help": "How many draws dist.sample((n,)) makes (10 to 100,000).",
    "dist.slice.label": "Show the conditional p(y | x = a)",
    "dist.slice.help": "Draw the line x = a and the distribution of y on it.",
    "dist.a.label": "Slice position a",
    "dist.a.help": "The value of x at which to condition: p(y | x = a).",
    "dist.surface.label": "3D view of the density",
    "dist.surface.help": "Also draw p(x, y) as a surface you can rotate.",
    "dist.surface.title": "The density p(x, y) as a surface",
    # 2D chart
    "dist.chart.title": "Samples, density contours and k-σ ellipses",
    "dist.chart.samples": "samples",
    "dist.chart.hist_2d": "samples (2D histogram)",
    "dist.chart.density": "density contours",
    "dist.chart.ellipse": "{k}σ ellipse: {mass} of the mass ({observed} of the samples)",
    "dist.chart.axes": "principal axes (√λ·v)",
    "dist.chart.probe": "probe",
    "dist.chart.click": "click to move the probe here",
    "dist.chart.slice": "slice x = {a}",
    "dist.chart.marginal_hist": "marginal histograms",
    "dist.chart.marginal_pdf": "exact marginal pdfs",
    "dist.chart.click_hint": "Click anywhere on the chart to move the probe there.",
    "dist.chart.hist_note": (
        "Above {limit} samples the chart shows their 2D histogram instead of single points."
    ),
    # probe
    "dist.probe.title": "Probe point",
    "dist.px.label": "Probe x",
    "dist.px.help": "x coordinate of the probe (or click on the chart).",
    "dist.py.label": "Probe y",
    "dist.py.help": "y coordinate of the probe (or click on the chart).",
    "dist.probe.log_prob": "log_prob",
    "dist.probe.log_prob.help": "dist.log_prob(probe): the log density at the probe.",
    "dist.probe.density": "Density",
    "dist.probe.density.help": "exp(log_prob): the height of the density at the probe.",
    "dist.probe.mahalanobis": "Mahalanobis distance",
    "dist.probe.mahalanobis.help": (
        "√((x − μ)ᵀ Σ⁻¹ (x − μ)): the distance from the mean in units of the distribution's "
        "own spread. Points on the k-σ ellipse are at distance k."
    ),
    "dist.probe.caption": (
        "The probe lies on the {d}σ ellipse, which holds {mass} of the probability."
    ),
    # moments table
    "dist.table.title": "True vs sample moments",
    "dist.table.quantity": "Quantity",
    "dist.table.true": "True",
    "dist.table.sample": "Sample",
    "dist.table.caption": (
        "Sample covariance: torch.cov, divisor n − 1. The differences shrink like 1/√n."
    ),
    "dist.table.too_few": "Sample moments need at least 2 samples.",
    # conditional
    "dist.cond.title": "The conditional p(y | x = a)",
    "dist.cond.caption": (
        "Conditioning a normal on x = a gives a normal. Its variance σᵧ²(1 − ρ²) does not "
        "depend on a; its standard deviation is σᵧ√(1 − ρ²)."
    ),
    "dist.cond.chart_title": "p(y | x = {a})",
    "dist.cond.marginal": "marginal p(y)",
    "dist.cond.conditional": "p(y | x = a), closed form",
    "dist.cond.slice": "slice p(a, y) / p(a) from log_prob",
    "dist.cond.mean": "conditional mean",
    "dist.cond.y": "density",
    # 1D
    "dist.family.label": "Distribution",
    "dist.family.help": "A univariate distribution from torch.distributions.",
    "dist.rule.label": "Shade μ ± σ, 2σ, 3σ",
    "dist.rule.help": "The 68-95-99.7 rule: the mass within 1, 2 and 3 standard deviations.",
    "dist.rule.band": "μ ± {k}σ: {mass}",
    "dist.standard.button": "Standard normal N(0, 1)",
    "dist.standard.help": "Set μ = 0 and σ = 1, and shade the 68-95-99.7 areas.",
    "dist.1d.pdf_title": "Density p(x) and a histogram of samples",
    "dist.1d.cdf_title": "Cumulative distribution F(x)",
    "dist.1d.hist": "samples",
    "dist.1d.pdf": "pdf p(x)",
    "dist.1d.cdf": "cdf F(x)",
    "dist.1d.mean": "Mean",
    "dist.1d.median": "Median",
    "dist.1d.mode": "Mode",
    "dist.1d.variance": "Variance",
    "dist.1d.entropy": "Entropy",
    "dist.1d.mean.help": "E[X]: the balance point of the density.",
    "dist.1d.median.help": "The x with F(x) = 1/2: half of the mass on each side.",
    "dist.1d.mode.help": "The x where the density is highest.",
    "dist.1d.variance.help": "E[(X − E[X])²]: the squared spread.",
    "dist.1d.entropy.help": "−E[log p(X)] in nats: dist.entropy().",
    "dist.undefined": "undefined",
    "dist.1d.not_unique": "not unique",
    "dist.1d.order.equal": (
        "Here **mean = median = mode**: the density is symmetric about one peak, so the "
        "balance point, the half-way point and the peak are the same x."
    ),
    "dist.1d.order.right": (
        "Here **mode < median < mean**: a long right tail pulls the mean furthest, the median "
        "less, and the peak stays where the density is highest."
    ),
    "dist.1d.order.left": (
        "Here **mean < median < mode**: a long left tail pulls the mean furthest to the left."
    ),
    "dist.1d.order.mixed": ("Here mean, median and mode differ without the usual tail ordering."),
    "dist.1d.order.undefined": (
        "Here at least one of mean, median and mode is undefined, infinite or not unique."
    ),
    "dist.1d.centres_note": (
        "For a symmetric, unimodal distribution (Normal, Laplace, StudentT with ν > 1) the "
        "three coincide; skewed ones (Gumbel, LogNormal, Exponential, Gamma, Beta with α ≠ β) "
        "split them."
    ),
    "dist.1d.standard_note": (
        "This is the standard normal N(0, 1): every normal is μ + σZ with Z standard normal, "
        "so the 68-95-99.7 areas hold for every μ and σ."
    ),
    # sample vs rsample
    "dist.reparam.title": "sample() vs rsample()",
    "dist.reparam.intro": (
        "`rsample()` writes each draw as a differentiable function of the parameters and "
        "independent noise (the reparameterisation trick), so autograd gives ∂x/∂θ. "
        "`sample()` draws the same numbers inside `torch.no_grad()`: no gradient flows."
    ),
    "dist.reparam.draw": "draw {i}",
    "dist.reparam.sample_note": (
        "`sample()` of the same draws: `requires_grad = {flag}`; asking autograd for a "
        "gradient fails with: *{error}*"
    ),
    # errors raised by core.distributions and core.distributions_1d
    "error.dist_mean_shape": "The mean must be 2 numbers, got {got}.",
    "error.dist_mean_not_finite": "The mean must contain only finite numbers, got {value}.",
    "error.dist_cov_shape": "The covariance matrix must be 2×2 numbers, got {got}.",
    "error.dist_cov_not_finite": (
        "The covariance matrix must contain only finite numbers, got {value}."
    ),
    "error.dist_cov_not_symmetric": (
        "The covariance matrix must be symmetric, but Σₓᵧ = {upper} and Σᵧₓ = {lower}. "
        "Nearest valid matrix: {suggestion}."
    ),
    "error.dist_cov_singular": (
        "The covariance matrix is singular: its eigenvalues are {eigenvalues}, and one is 0, "
        "so all the mass lies on a line and there is no density. All eigenvalues must be > 0. "
        "Nearest valid matrix: {suggestion}."
    ),
    "error.dist_cov_not_pd": (
        "The covariance matrix is not positive definite: its eigenvalues are {eigenvalues}, "
        "and a negative one would be a negative variance. All eigenvalues must be > 0. "
        "Nearest valid matrix: {suggestion}."
    ),
    "error.dist_family": "Unknown distribution {name}; choose one of {options}.",
    "error.dist_uniform_order": (
        "Uniform needs low < high, got low = {low:g} and high = {high:g}."
    ),
    "error.dist_not_univariate": (
        "Expected a univariate distribution with scalar parameters, got {value}."
    ),
    "error.dist_not_2d": "Expected a 2D MultivariateNormal, got {value}.",
    "error.dist_grid_axis": "{name} must be a non-empty 1-D list of finite numbers.",
    "error.dist_unsupported": "{kind} is not supported here.",
    "error.dist_too_few": "Sample moments need at least 2 samples.",
    "error.dist_points_shape": "The points must have shape (n, 2), got shape {shape}.",
    "error.dist_no_points": "This needs at least one point, got none.",
    "error.dist_bounds": (
        "The bounds must be four finite numbers with x_low < x_high and y_low < y_high, got "
        "{bounds}."
    ),
    **{f"dist.param.{k}.help": v for k, v in _PARAM_HELP_EN.items()},
}

ZH = {
    "dist.intro": (
        "`torch.distributions` 实战：一个带有 `sample()`、`rsample()` 和 `log_prob()` "
        "的分布对象，它的均值与协方差，以及为什么正态分布的均值、中位数与众数重合，"
        "而偏态分布的三者却不同。"
    ),
    "dist.tab.2d": "二维正态分布",
    "dist.tab.1d": "一维分布",
    "dist.2d.formula_caption": (
        "MultivariateNormal(mean, covariance_matrix)：等高线所示的密度是网格上的 exp(log_prob)。"
    ),
    "dist.2d.controls": "均值与协方差",
    "dist.mx.label": "均值 μₓ",
    "dist.mx.help": "均值向量的第一个分量：左右移动点云。",
    "dist.my.label": "均值 μᵧ",
    "dist.my.help": "均值向量的第二个分量：上下移动点云。",
    "dist.cov_mode.label": "协方差来源",
    "dist.cov_mode.help": (
        "σₓ、σᵧ 与 ρ 的滑块总是给出有效的矩阵；直接输入四个元素可以尝试无效的矩阵，"
        "并看到它们被拒绝的原因。"
    ),
    "dist.cov_mode.sliders": "σₓ、σᵧ、ρ",
    "dist.cov_mode.matrix": "编辑矩阵",
    "dist.sx.label": "标准差 σₓ",
    "dist.sx.help": "沿 x 方向的离散程度：Σₓₓ = σₓ²。",
    "dist.sy.label": "标准差 σᵧ",
    "dist.sy.help": "沿 y 方向的离散程度：Σᵧᵧ = σᵧ²。",
    "dist.rho.label": "相关系数 ρ",
    "dist.rho.help": "x 与 y 的相关系数，严格介于 -1 与 1 之间：Σₓᵧ = ρσₓσᵧ。取 ±1 时矩阵将是奇异的。",
    "dist.c11.label": "Σₓₓ",
    "dist.c12.label": "Σₓᵧ",
    "dist.c21.label": "Σᵧₓ",
    "dist.c22.label": "Σᵧᵧ",
    "dist.matrix.help": "协方差矩阵的一个元素。有效的矩阵是对称的（Σₓᵧ = Σᵧₓ）且正定的（两个特征值都 > 0）。",
    "dist.matrix.caption": "协方差矩阵必须对称且正定：Σₓₓ > 0，Σᵧᵧ > 0，并且 Σₓᵧ² < ΣₓₓΣᵧᵧ。",
    "dist.nearest.button": "使用最接近的有效矩阵",
    "dist.nearest.help": "将矩阵对称化，并把各特征值提高到不小于最大特征值的 1%。",
    "dist.last_valid": "图中继续显示上一个有效的分布。",
    "dist.n.label": "样本数 n",
    "dist.n.help": "dist.sample((n,)) 抽取的样本个数（10 到 100,000）。",
    "dist.slice.label": "显示条件分布 p(y | x = a)",
    "dist.slice.help": "画出直线 x = a 以及该直线上 y 的分布。",
    "dist.a.label": "切片位置 a",
    "dist.a.help": "作为条件的 x 值：p(y | x = a)。",
    "dist.surface.label": "密度的三维视图",
    "dist.surface.help": "同时把 p(x, y) 画成可旋转的曲面。",
    "dist.surface.title": "密度 p(x, y) 的曲面图",
    "dist.chart.title": "样本、密度等高线与 k-σ 椭圆",
    "dist.chart.samples": "样本",
    "dist.chart.hist_2d": "样本（二维直方图）",
    "dist.chart.density": "密度等高线",
    "dist.chart.ellipse": "{k}σ 椭圆：概率质量 {mass}（样本占比 {observed}）",
    "dist.chart.axes": "主轴（√λ·v）",
    "dist.chart.probe": "探测点",
    "dist.chart.click": "点击将探测点移到此处",
    "dist.chart.slice": "切片 x = {a}",
    "dist.chart.marginal_hist": "边缘直方图",
    "dist.chart.marginal_pdf": "精确的边缘概率密度函数",
    "dist.chart.click_hint": "点击图中任意位置即可把探测点移到那里。",
    "dist.chart.hist_note": "样本数超过 {limit} 时，图中显示样本的二维直方图而不是单个点。",
    "dist.probe.title": "探测点",
    "dist.px.label": "探测点 x",
    "dist.px.help": "探测点的 x 坐标（也可以在图上点击）。",
    "dist.py.label": "探测点 y",
    "dist.py.help": "探测点的 y 坐标（也可以在图上点击）。",
    "dist.probe.log_prob": "log_prob",
    "dist.probe.log_prob.help": "dist.log_prob(probe)：探测点处的对数密度。",
    "dist.probe.density": "密度",
    "dist.probe.density.help": "exp(log_prob)：密度在探测点处的高度。",
    "dist.probe.mahalanobis": "马氏距离",
    "dist.probe.mahalanobis.help": (
        "√((x − μ)ᵀ Σ⁻¹ (x − μ))：到均值的距离，以分布自身的离散程度为单位。k-σ 椭圆上的点距离均为 k。"
    ),
    "dist.probe.caption": "探测点位于 {d}σ 椭圆上，该椭圆内的概率为 {mass}。",
    "dist.table.title": "真实矩与样本矩",
    "dist.table.quantity": "量",
    "dist.table.true": "真实值",
    "dist.table.sample": "样本值",
    "dist.table.caption": "样本协方差：torch.cov，除以 n − 1。差异以 1/√n 的速度缩小。",
    "dist.table.too_few": "样本矩至少需要 2 个样本。",
    "dist.cond.title": "条件分布 p(y | x = a)",
    "dist.cond.caption": (
        "正态分布在 x = a 条件下仍是正态分布。它的方差 σᵧ²(1 − ρ²) 与 a 无关；标准差为 σᵧ√(1 − ρ²)。"
    ),
    "dist.cond.chart_title": "p(y | x = {a})",
    "dist.cond.marginal": "边缘分布 p(y)",
    "dist.cond.conditional": "p(y | x = a)，闭式解",
    "dist.cond.slice": "由 log_prob 得到的切片 p(a, y) / p(a)",
    "dist.cond.mean": "条件均值",
    "dist.cond.y": "密度",
    "dist.family.label": "分布",
    "dist.family.help": "torch.distributions 中的一个一元分布。",
    "dist.rule.label": "给 μ ± σ、2σ、3σ 着色",
    "dist.rule.help": "68-95-99.7 法则：1、2、3 个标准差以内的概率质量。",
    "dist.rule.band": "μ ± {k}σ：{mass}",
    "dist.standard.button": "标准正态分布 N(0, 1)",
    "dist.standard.help": "设 μ = 0、σ = 1，并为 68-95-99.7 区域着色。",
    "dist.1d.pdf_title": "概率密度 p(x) 与样本直方图",
    "dist.1d.cdf_title": "累积分布函数 F(x)",
    "dist.1d.hist": "样本",
    "dist.1d.pdf": "概率密度函数 p(x)",
    "dist.1d.cdf": "累积分布函数 F(x)",
    "dist.1d.mean": "均值",
    "dist.1d.median": "中位数",
    "dist.1d.mode": "众数",
    "dist.1d.variance": "方差",
    "dist.1d.entropy": "熵",
    "dist.1d.mean.help": "E[X]：密度的平衡点。",
    "dist.1d.median.help": "使 F(x) = 1/2 的 x：两侧各有一半的概率质量。",
    "dist.1d.mode.help": "密度最高处的 x。",
    "dist.1d.variance.help": "E[(X − E[X])²]：离散程度的平方。",
    "dist.1d.entropy.help": "−E[log p(X)]，单位为奈特：dist.entropy()。",
    "dist.undefined": "无定义",
    "dist.1d.not_unique": "不唯一",
    "dist.1d.order.equal": (
        "此处 **均值 = 中位数 = 众数**：密度关于唯一的峰对称，因此平衡点、平分点与峰值位于同一个 x。"
    ),
    "dist.1d.order.right": (
        "此处 **众数 < 中位数 < 均值**：较长的右尾把均值拉得最远，中位数次之，峰值则留在密度最高处。"
    ),
    "dist.1d.order.left": "此处 **均值 < 中位数 < 众数**：较长的左尾把均值向左拉得最远。",
    "dist.1d.order.mixed": "此处均值、中位数与众数互不相同，但不符合通常由拖尾决定的顺序。",
    "dist.1d.order.undefined": "此处均值、中位数与众数中至少有一个无定义、为无穷大或不唯一。",
    "dist.1d.centres_note": (
        "对于对称的单峰分布（Normal、Laplace、ν > 1 的 StudentT），三者重合；"
        "偏态分布（Gumbel、LogNormal、Exponential、Gamma、α ≠ β 的 Beta）则使三者分开。"
    ),
    "dist.1d.standard_note": (
        "这是标准正态分布 N(0, 1)：每个正态分布都是 μ + σZ，其中 Z 服从标准正态分布，"
        "所以 68-95-99.7 的面积对任意 μ 和 σ 都成立。"
    ),
    "dist.reparam.title": "sample() 与 rsample()",
    "dist.reparam.intro": (
        "`rsample()` 把每个样本写成参数与独立噪声的可微函数（重参数化技巧），"
        "因此自动微分可以给出 ∂x/∂θ。`sample()` 在 `torch.no_grad()` 中抽取相同的数：没有梯度流过。"
    ),
    "dist.reparam.draw": "第 {i} 个样本",
    "dist.reparam.sample_note": (
        "对同样的样本调用 `sample()`：`requires_grad = {flag}`；向自动微分请求梯度会失败：*{error}*"
    ),
    "error.dist_mean_shape": "均值必须是 2 个数，实际为 {got}。",
    "error.dist_mean_not_finite": "均值只能包含有限数，实际为 {value}。",
    "error.dist_cov_shape": "协方差矩阵必须是 2×2 的数值矩阵，实际为 {got}。",
    "error.dist_cov_not_finite": "协方差矩阵只能包含有限数，实际为 {value}。",
    "error.dist_cov_not_symmetric": (
        "协方差矩阵必须对称，但 Σₓᵧ = {upper} 而 Σᵧₓ = {lower}。最接近的有效矩阵：{suggestion}。"
    ),
    "error.dist_cov_singular": (
        "协方差矩阵是奇异的：它的特征值为 {eigenvalues}，其中一个为 0，"
        "因此全部概率质量都落在一条直线上，不存在密度。所有特征值都必须 > 0。"
        "最接近的有效矩阵：{suggestion}。"
    ),
    "error.dist_cov_not_pd": (
        "协方差矩阵不是正定的：它的特征值为 {eigenvalues}，负的特征值意味着负的方差。"
        "所有特征值都必须 > 0。最接近的有效矩阵：{suggestion}。"
    ),
    "error.dist_family": "未知的分布 {name}；请从 {options} 中选择。",
    "error.dist_uniform_order": "Uniform 要求 low < high，实际为 low = {low:g}、high = {high:g}。",
    "error.dist_not_univariate": "需要参数为标量的一元分布，实际为 {value}。",
    "error.dist_not_2d": "需要二维的 MultivariateNormal，实际为 {value}。",
    "error.dist_grid_axis": "{name} 必须是由有限数组成的非空一维列表。",
    "error.dist_unsupported": "此处不支持 {kind}。",
    "error.dist_too_few": "样本矩至少需要 2 个样本。",
    "error.dist_points_shape": "这些点的形状必须是 (n, 2)，实际形状为 {shape}。",
    "error.dist_no_points": "这里至少需要一个点，实际一个也没有。",
    "error.dist_bounds": "边界必须是四个有限数，且 x_low < x_high、y_low < y_high，实际为 {bounds}。",
    **{f"dist.param.{k}.help": v for k, v in _PARAM_HELP_ZH.items()},
}
