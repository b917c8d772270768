"""The Gaussian-process posterior page (d2l.ai §18.3), and the errors of core.gp_posterior and
core.gp_observations."""

EN = {
    "gpp.intro": (
        "Condition a Gaussian process on observations y = f(x) + ε, ε ~ N(0, σ²): the posterior "
        "is again a Gaussian process, computed exactly here by a Cholesky factorisation "
        "(d2l.ai §18.3). Click on the chart to add points, change the kernel and the noise, and "
        "let gradient ascent on the marginal likelihood choose the hyperparameters."
    ),
    "gpp.tab.posterior": "Posterior",
    "gpp.tab.covariance": "Covariance & influence",
    "gpp.tab.likelihood": "Marginal likelihood & fit",
    "gpp.tab.noise": "Interpolation vs regression",
    # observations
    "gpp.dataset": "Data set",
    "gpp.dataset.help": (
        "Load a built-in data set (always the same draws), or keep your own points. Clicking, "
        "typing or the buttons switch this to “your own points”."
    ),
    "gpp.dataset.custom": "Your own points",
    "gpp.dataset.d2l": "d2l: sin(x) + 0.5 sin(4x), noise 0.25",
    "gpp.dataset.step": "Step",
    "gpp.dataset.periodic": "Periodic signal on [0, 3]",
    "gpp.dataset.linear": "Linear trend",
    "gpp.remove_last": "Remove last point",
    "gpp.remove_last.help": "Delete the most recently added observation.",
    "gpp.clear": "Clear",
    "gpp.clear.help": "Delete every observation: the posterior becomes the prior.",
    "gpp.data.expander": "Observations as text: view, edit or paste",
    "gpp.data.box": "x, y pairs (one per line)",
    "gpp.data.box.help": (
        "One observation per line, x and y separated by a comma, spaces or a tab; several pairs "
        "on one line may be separated by “;”. At most {max} points, with x and y between "
        "-{limit} and {limit}; values are kept to three decimals. The data are part of the link."
    ),
    "gpp.data.count": "{n} observations (at most {max}).",
    "gpp.data.last_valid": "Showing the last valid observations until the text is fixed.",
    "gpp.data.none_valid": "No observations are drawn until the text is fixed: the posterior is the prior.",
    "gpp.data.full": "There are already {max} observations, the most this page takes.",
    # model
    "gpp.form": "Kernel structure",
    "gpp.form.help": "One kernel, or the sum or product of two (the kernel algebra of §18.2).",
    "gpp.form.single": "one kernel k",
    "gpp.form.+": "sum k₁ + k₂",
    "gpp.form.*": "product k₁ · k₂",
    "gpp.k1": "Kernel k₁",
    "gpp.k2": "Kernel k₂",
    "gpp.noise": "Noise variance σ²",
    "gpp.noise.help": (
        "Variance of the observation noise ε ~ N(0, σ²), added to the diagonal of K. Small: the "
        "mean passes (almost) through every point. Large: the data are trusted less."
    ),
    "gpp.noise.sd": "Noise standard deviation σ = {sd}.",
    # legends
    "gpp.legend.mean": "posterior mean",
    "gpp.legend.band": "posterior mean ± 2 standard deviations (95 %)",
    "gpp.legend.prior": "prior ± 2 standard deviations",
    "gpp.legend.samples": "posterior samples",
    "gpp.legend.observations": "observations",
    "gpp.legend.truth": "true function (noise-free)",
    "gpp.legend.click": "click to add an observation here",
    # marginal likelihood
    "gpp.lml.total": "log p(y | X)",
    "gpp.lml.total.help": (
        "The log marginal likelihood: how probable the observed y are under the prior and the "
        "noise, with f integrated out. The sum of the three terms to the right."
    ),
    "gpp.lml.data_fit": "data fit",
    "gpp.lml.data_fit.help": (
        "−½ yᵀ(K + σ²I)⁻¹y: large (close to 0) when the model explains the data well."
    ),
    "gpp.lml.complexity": "complexity penalty",
    "gpp.lml.complexity.help": (
        "−½ log |K + σ²I|: low when the prior could produce many different data sets "
        "(a flexible model pays for its flexibility)."
    ),
    "gpp.lml.constant": "constant",
    "gpp.lml.constant.help": "−n/2 log 2π: depends only on the number of observations n.",
    # tab 1
    "gpp.posterior.intro": (
        "The posterior mean is a weighted sum of the observations; the band is two posterior "
        "standard deviations of the noise-free f on each side: it narrows near the data and "
        "widens back to the prior (grey) away from them."
    ),
    "gpp.samples": "Posterior samples",
    "gpp.samples.help": "How many functions to draw from the posterior. Resample draws new ones.",
    "gpp.show_prior": "Show the prior band",
    "gpp.show_prior.help": "The prior's ± 2 standard deviations, drawn faintly for comparison.",
    "gpp.posterior.chart": "Posterior after {n} observations · {kernel}",
    "gpp.posterior.click_hint": (
        "Click anywhere on the chart to add an observation there; “Remove last point” undoes it."
    ),
    "gpp.posterior.empty": (
        "No observations: the posterior is the prior (mean 0, the prior band, prior samples)."
    ),
    "gpp.posterior.formula": (
        "The band is for the noise-free function f, not for new noisy observations "
        "(add σ² to the variance for those)."
    ),
    # tab 2
    "gpp.cov.intro": (
        "Left: the posterior covariance cov(f(x), f(x')): small near the data, the prior's far "
        "from them. Right: how much each observation yᵢ moves the posterior mean at x*. The "
        "weights do not depend on y, only on where the data are, the kernel and the noise."
    ),
    "gpp.xstar": "Test input x*",
    "gpp.xstar.help": "The input whose posterior mean the weights on the right make up.",
    "gpp.cov.chart": "Posterior covariance cov(f(x), f(x'))",
    "gpp.influence.chart": "Weight of each observation in the mean at x* = {x}",
    "gpp.influence.axis": "weight wᵢ(x*)",
    "gpp.influence.legend": "wᵢ(x*): row of K*ᵀ(K + σ²I)⁻¹",
    "gpp.influence.sum": (
        "Posterior mean at x* = {x}: Σᵢ wᵢ yᵢ = **{mean}**; the weights sum to {total}."
    ),
    "gpp.influence.formula": (
        "Observations near x* weigh most; with a wiggly kernel the weights can be negative."
    ),
    # tab 3
    "gpp.lml.intro": (
        "The marginal likelihood trades data fit against complexity. Its maximum over the "
        "hyperparameters is a principled choice of lengthscale and noise, and it is "
        "differentiable: PyTorch's autograd gives its gradient through the Cholesky factor."
    ),
    "gpp.contour.chart": "log p(y | X) over {param} and σ²",
    "gpp.contour.current": "current setting",
    "gpp.contour.fitted": "fitted optimum",
    "gpp.contour.caption": (
        "The other hyperparameters are held at their current values. Best grid point: "
        "{param} = {value}, σ² = {noise}. Contours span 60 nats below the top."
    ),
    "gpp.fit.title": "Fit hyperparameters",
    "gpp.fit.intro": (
        "Adam on the logarithms of every hyperparameter and of σ², maximising log p(y | X); "
        "each stays inside its slider's range. The result is set on the sliders."
    ),
    "gpp.fit.steps": "Adam steps",
    "gpp.fit.steps.help": "How many gradient steps the fit takes.",
    "gpp.fit.lr": "Learning rate",
    "gpp.fit.lr.help": "Adam's step size on the log-parameters.",
    "gpp.fit.button": "Fit hyperparameters",
    "gpp.fit.button.help": (
        "Maximise the log marginal likelihood from the current values, then set the sliders to "
        "the result."
    ),
    "gpp.fit.running": "Fitting …",
    "gpp.fit.step": "Step {step} of {steps}: log p(y | X) = {lml}",
    "gpp.fit.chart": "log p(y | X) during the fit",
    "gpp.fit.axis": "Adam step",
    "gpp.fit.done": (
        "Fitted: {params}, σ² = {noise} (σ = {sd}); log p(y | X) went from {initial} to {lml}."
    ),
    "gpp.fit.applied": (
        "The sliders now hold the nearest values they offer, so the numbers above them may "
        "differ slightly from the fitted optimum (the star on the contour)."
    ),
    "gpp.d2l.title": "d2l.ai's reference result, reproduced",
    "gpp.d2l.body": (
        "d2l.ai §18.3 fits an RBF kernel with amplitude 1 to its data set (50 points on [0, 5], "
        "y = sin(x) + 0.5 sin(4x) + ε, σ = 0.25) and reports a lengthscale of {d2l_ls} and a "
        "noise standard deviation of {d2l_sigma}. Its `rbfkernel` computes exp(−r²/(2·ls)), so "
        "its “lengthscale” is our ℓ²: ℓ = √{d2l_ls} = {d2l_l}.\n\n"
        "The same fit here (Adam, started where d2l starts, ℓ = 0.4 and σ = 0.5, on our seeded "
        "draw of the data set): **ℓ = {ls}** (ℓ² = {ls2}), **σ = {sigma}**, "
        "log p(y | X) = {lml}."
    ),
    # tab 4
    "gpp.noise_tab.intro": (
        "Left, σ² = 0: the posterior mean interpolates every observation exactly and the "
        "band pinches to zero at each one. Right, the noise you set: the mean smooths "
        "through the data."
    ),
    "gpp.noise_tab.free": "Noise-free interpolation (σ² = 0)",
    "gpp.noise_tab.noisy": "Noisy regression (σ² = {noise})",
    "gpp.noise_tab.explain": (
        "With noisy data, interpolation chases the noise: the mean wiggles to hit every point "
        "and swings far between close points with different y. Two observations at the same x "
        "with different y are impossible without noise."
    ),
    # errors
    "error.gpp_contradiction": (
        "Two observations at the same x = {x} disagree (y = {y1} and {y2}): without noise that "
        "is impossible. Add noise or remove one of them."
    ),
    "error.gpp_length_mismatch": (
        "There must be one y for each x: got {n_x} inputs and {n_y} outputs."
    ),
    "error.gpp_round_off": (
        "Rounding errors, not the data, broke the posterior: the inputs x = {x1} and x = {x2} "
        "are only {gap} apart, so with noise variance σ² = {noise} the matrix K + σ²I is "
        "numerically singular (condition number {cond}, beyond what float64's 16 digits "
        "resolve). Remove one of the two points, or raise the noise variance to {suggest} or more."
    ),
    "error.gpp_surface_noise": "The likelihood surface needs noise variances > 0, got {value:g}.",
    "error.gpp_empty_grid": (
        "The likelihood surface needs at least one value and one noise variance."
    ),
    "error.gpp_unknown_param": ("Unknown hyperparameter(s) {names}; this kernel has {options}."),
    "error.gpp_bounds": (
        "The bounds of {name} must satisfy 0 < low ≤ high, got ({low:g}, {high:g})."
    ),
    "error.gpp_fit_empty": "Fitting the hyperparameters needs at least one observation.",
    "error.gpp_fit_nothing": "Nothing to fit: every hyperparameter is fixed.",
    "error.gpp_fit_budget": (
        "Fitting {steps} steps on {n} observations is too much for the server: steps × "
        "observations = {work:,}, more than the budget of {budget:,}. Lower the steps to at "
        "most {max_steps:,}, or use fewer observations."
    ),
    "error.gpp_unknown_dataset": "Unknown data set {name}; choose one of {options}.",
    "error.gpp_parse_pair": "Line {line}: “{text}” is not a pair of numbers x, y.",
    "error.gpp_parse_number": "Line {line}: “{text}” is not a number.",
    "error.gpp_parse_range": (
        "Line {line}: {value} lies outside [-{limit}, {limit}], the range x and y may take."
    ),
    "error.gpp_too_many": "There are {n} observations; at most {max} are allowed.",
    "error.gpp_parse_type": "Observations must be text, got {got}.",
    "error.gpp_text_too_long": (
        "The observations' text has {n} characters; at most {limit} are allowed."
    ),
}

ZH = {
    "gpp.intro": (
        "在观测 y = f(x) + ε（ε ~ N(0, σ²)）上对高斯过程取条件：后验仍是高斯过程，"
        "这里用 Cholesky 分解精确计算（d2l.ai §18.3）。点击图表添加观测点，调整核函数与噪声，"
        "再让边际似然上的梯度上升来选择超参数。"
    ),
    "gpp.tab.posterior": "后验",
    "gpp.tab.covariance": "协方差与影响",
    "gpp.tab.likelihood": "边际似然与拟合",
    "gpp.tab.noise": "插值与回归",
    # observations
    "gpp.dataset": "数据集",
    "gpp.dataset.help": (
        "载入内置数据集（每次都是同一组样本），或保留你自己的点。点击、输入或使用按钮时，"
        "这里会切换为“自己的点”。"
    ),
    "gpp.dataset.custom": "自己的点",
    "gpp.dataset.d2l": "d2l：sin(x) + 0.5 sin(4x)，噪声 0.25",
    "gpp.dataset.step": "阶跃",
    "gpp.dataset.periodic": "[0, 3] 上的周期信号",
    "gpp.dataset.linear": "线性趋势",
    "gpp.remove_last": "删除最后一个点",
    "gpp.remove_last.help": "删除最近添加的观测。",
    "gpp.clear": "清空",
    "gpp.clear.help": "删除全部观测：后验变回先验。",
    "gpp.data.expander": "观测数据（文本）：查看、编辑或粘贴",
    "gpp.data.box": "x, y 数对（每行一对）",
    "gpp.data.box.help": (
        "每行一个观测，x 与 y 之间用逗号、空格或制表符分隔；同一行的多个数对可用“;”分隔。"
        "最多 {max} 个点，x 与 y 介于 -{limit} 与 {limit} 之间；数值保留三位小数。数据是链接的一部分。"
    ),
    "gpp.data.count": "{n} 个观测（最多 {max} 个）。",
    "gpp.data.last_valid": "在文本修正之前，显示最后一组有效的观测。",
    "gpp.data.none_valid": "在文本修正之前不绘制任何观测：后验即为先验。",
    "gpp.data.full": "已有 {max} 个观测，这是本页允许的上限。",
    # model
    "gpp.form": "核函数结构",
    "gpp.form.help": "一个核函数，或两个核函数的和或积（§18.2 的核函数代数）。",
    "gpp.form.single": "单个核函数 k",
    "gpp.form.+": "和 k₁ + k₂",
    "gpp.form.*": "积 k₁ · k₂",
    "gpp.k1": "核函数 k₁",
    "gpp.k2": "核函数 k₂",
    "gpp.noise": "噪声方差 σ²",
    "gpp.noise.help": (
        "观测噪声 ε ~ N(0, σ²) 的方差，加在 K 的对角线上。小：均值（几乎）穿过每个点；"
        "大：对数据的信任更少。"
    ),
    "gpp.noise.sd": "噪声标准差 σ = {sd}。",
    # legends
    "gpp.legend.mean": "后验均值",
    "gpp.legend.band": "后验均值 ± 2 个标准差（95 %）",
    "gpp.legend.prior": "先验 ± 2 个标准差",
    "gpp.legend.samples": "后验样本",
    "gpp.legend.observations": "观测",
    "gpp.legend.truth": "真实函数（无噪声）",
    "gpp.legend.click": "点击在此处添加观测",
    # marginal likelihood
    "gpp.lml.total": "log p(y | X)",
    "gpp.lml.total.help": (
        "对数边际似然：在先验与噪声下、把 f 积分掉之后，观测到这些 y 的概率有多大。"
        "等于右边三项之和。"
    ),
    "gpp.lml.data_fit": "数据拟合项",
    "gpp.lml.data_fit.help": "−½ yᵀ(K + σ²I)⁻¹y：模型对数据解释得越好，该项越大（越接近 0）。",
    "gpp.lml.complexity": "复杂度惩罚项",
    "gpp.lml.complexity.help": (
        "−½ log |K + σ²I|：先验能产生的数据集越多样，该项越低（灵活的模型要为灵活性付出代价）。"
    ),
    "gpp.lml.constant": "常数项",
    "gpp.lml.constant.help": "−n/2 log 2π：只取决于观测个数 n。",
    # tab 1
    "gpp.posterior.intro": (
        "后验均值是观测值的加权和；带状区域是无噪声 f 两侧各 2 个后验标准差：靠近数据时变窄，"
        "远离数据时恢复为先验（灰色）。"
    ),
    "gpp.samples": "后验样本数",
    "gpp.samples.help": "从后验抽取多少个函数。点击“重新采样”抽取新的样本。",
    "gpp.show_prior": "显示先验带",
    "gpp.show_prior.help": "先验的 ± 2 个标准差，淡色显示以便比较。",
    "gpp.posterior.chart": "{n} 个观测后的后验 · {kernel}",
    "gpp.posterior.click_hint": "点击图表任意位置即可在该处添加观测；“删除最后一个点”可以撤销。",
    "gpp.posterior.empty": "没有观测：后验就是先验（均值为 0，先验带，先验样本）。",
    "gpp.posterior.formula": "带状区域描述无噪声函数 f，而非新的带噪声观测（后者需在方差上加 σ²）。",
    # tab 2
    "gpp.cov.intro": (
        "左：后验协方差 cov(f(x), f(x'))：靠近数据时小，远离数据时等于先验。右：每个观测 yᵢ "
        "对 x* 处后验均值的贡献。这些权重与 y 无关，只取决于数据的位置、核函数和噪声。"
    ),
    "gpp.xstar": "测试输入 x*",
    "gpp.xstar.help": "右图的权重组成该输入处的后验均值。",
    "gpp.cov.chart": "后验协方差 cov(f(x), f(x'))",
    "gpp.influence.chart": "各观测在 x* = {x} 处均值中的权重",
    "gpp.influence.axis": "权重 wᵢ(x*)",
    "gpp.influence.legend": "wᵢ(x*)：K*ᵀ(K + σ²I)⁻¹ 的一行",
    "gpp.influence.sum": "x* = {x} 处的后验均值：Σᵢ wᵢ yᵢ = **{mean}**；权重之和为 {total}。",
    "gpp.influence.formula": "靠近 x* 的观测权重最大；核函数起伏较快时，权重可以为负。",
    # tab 3
    "gpp.lml.intro": (
        "边际似然在数据拟合与复杂度之间权衡。对超参数取其最大值，是选择长度尺度与噪声的有原则的方法；"
        "它可微：PyTorch 的自动微分经由 Cholesky 因子给出其梯度。"
    ),
    "gpp.contour.chart": "log p(y | X) 关于 {param} 与 σ² 的等高线",
    "gpp.contour.current": "当前设置",
    "gpp.contour.fitted": "拟合得到的最优点",
    "gpp.contour.caption": (
        "其余超参数保持当前值。网格上的最优点：{param} = {value}，σ² = {noise}。"
        "等高线覆盖最高值以下 60 奈特。"
    ),
    "gpp.fit.title": "拟合超参数",
    "gpp.fit.intro": (
        "对每个超参数和 σ² 的对数使用 Adam，最大化 log p(y | X)；每个参数都限制在其滑块范围内。"
        "结果会写回滑块。"
    ),
    "gpp.fit.steps": "Adam 步数",
    "gpp.fit.steps.help": "拟合执行多少步梯度更新。",
    "gpp.fit.lr": "学习率",
    "gpp.fit.lr.help": "Adam 在对数参数上的步长。",
    "gpp.fit.button": "拟合超参数",
    "gpp.fit.button.help": "从当前值出发最大化对数边际似然，然后把滑块设为结果。",
    "gpp.fit.running": "正在拟合……",
    "gpp.fit.step": "第 {step} / {steps} 步：log p(y | X) = {lml}",
    "gpp.fit.chart": "拟合过程中的 log p(y | X)",
    "gpp.fit.axis": "Adam 步",
    "gpp.fit.done": (
        "拟合结果：{params}，σ² = {noise}（σ = {sd}）；log p(y | X) 从 {initial} 提高到 {lml}。"
    ),
    "gpp.fit.applied": (
        "滑块现在取其可选值中最接近的一个，因此滑块上的数值可能与拟合最优点（等高线上的星号）略有不同。"
    ),
    "gpp.d2l.title": "复现 d2l.ai 的参考结果",
    "gpp.d2l.body": (
        "d2l.ai §18.3 用幅度为 1 的 RBF 核函数拟合其数据集（[0, 5] 上 50 个点，"
        "y = sin(x) + 0.5 sin(4x) + ε，σ = 0.25），报告的长度尺度为 {d2l_ls}，噪声标准差为 "
        "{d2l_sigma}。它的 `rbfkernel` 计算的是 exp(−r²/(2·ls))，所以它的“长度尺度”是我们的 ℓ²："
        "ℓ = √{d2l_ls} = {d2l_l}。\n\n"
        "这里做同样的拟合（Adam，从 d2l 的初值 ℓ = 0.4、σ = 0.5 出发，使用我们按种子生成的数据集）："
        "**ℓ = {ls}**（ℓ² = {ls2}），**σ = {sigma}**，log p(y | X) = {lml}。"
    ),
    # tab 4
    "gpp.noise_tab.intro": (
        "左，σ² = 0：后验均值精确插值每个观测，带状区域在每个观测处收缩为零。"
        "右，你设置的噪声：均值平滑地穿过数据。"
    ),
    "gpp.noise_tab.free": "无噪声插值（σ² = 0）",
    "gpp.noise_tab.noisy": "带噪声回归（σ² = {noise}）",
    "gpp.noise_tab.explain": (
        "数据带噪声时，插值会追逐噪声：均值为了穿过每个点而剧烈起伏，在相距很近但 y 不同的点之间大幅摆动。"
        "没有噪声时，同一 x 处 y 不同的两个观测是不可能的。"
    ),
    # errors
    "error.gpp_contradiction": (
        "同一 x = {x} 处的两个观测不一致（y = {y1} 和 {y2}）：没有噪声时这不可能。"
        "请加入噪声或删除其中一个。"
    ),
    "error.gpp_length_mismatch": "每个 x 必须对应一个 y：实际为 {n_x} 个输入和 {n_y} 个输出。",
    "error.gpp_round_off": (
        "是舍入误差而不是数据破坏了后验：输入 x = {x1} 与 x = {x2} 仅相距 {gap}，"
        "因此在噪声方差 σ² = {noise} 下矩阵 K + σ²I 在数值上是奇异的"
        "（条件数 {cond}，超出了 float64 的 16 位有效数字所能分辨的范围）。"
        "请删除这两个点中的一个，或把噪声方差提高到 {suggest} 或更大。"
    ),
    "error.gpp_surface_noise": "似然曲面需要大于 0 的噪声方差，实际为 {value:g}。",
    "error.gpp_empty_grid": "似然曲面至少需要一个取值和一个噪声方差。",
    "error.gpp_unknown_param": "未知的超参数 {names}；该核函数的超参数为 {options}。",
    "error.gpp_bounds": "{name} 的范围必须满足 0 < low ≤ high，实际为 ({low:g}, {high:g})。",
    "error.gpp_fit_empty": "拟合超参数至少需要一个观测。",
    "error.gpp_fit_nothing": "没有可拟合的参数：所有超参数都被固定了。",
    "error.gpp_fit_budget": (
        "在 {n} 个观测上拟合 {steps} 步对服务器来说太多：步数 × 观测数 = {work:,}，超过了预算 "
        "{budget:,}。请把步数减到最多 {max_steps:,}，或减少观测。"
    ),
    "error.gpp_unknown_dataset": "未知的数据集 {name}；可选：{options}。",
    "error.gpp_parse_pair": "第 {line} 行：“{text}”不是一对数值 x, y。",
    "error.gpp_parse_number": "第 {line} 行：“{text}”不是数值。",
    "error.gpp_parse_range": "第 {line} 行：{value} 超出 [-{limit}, {limit}]，即 x 与 y 的允许范围。",
    "error.gpp_too_many": "共有 {n} 个观测；最多允许 {max} 个。",
    "error.gpp_parse_type": "观测必须是文本，实际为 {got}。",
    "error.gpp_text_too_long": "观测文本有 {n} 个字符；最多允许 {limit} 个。",
}
