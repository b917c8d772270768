"""The Bayesian neural network page: priors, Bayes by backprop, noise as a regulariser; and
the errors of core.bnn*."""

EN = {
    "bnn.intro": (
        "A Bayesian neural network puts a probability distribution on every weight and bias "
        "instead of a single value. Here the network has one hidden layer — `fc1` (input → J "
        "hidden units) and `out` (hidden units → output), as in the usual Pyro example — "
        "written in plain PyTorch: first its prior, then a variational posterior trained by "
        "Bayes by backprop, then a cheap relative: Gaussian noise during training as a "
        "regulariser."
    ),
    "bnn.tab.prior": "Prior over functions",
    "bnn.tab.vi": "Variational posterior",
    "bnn.tab.noise": "Noise as a regulariser",
    # shared controls
    "bnn.activation": "Activation h",
    "bnn.activation.help": (
        "The nonlinearity of the hidden units. erf and ReLU have a known wide-network limit "
        "(the NeuralNetwork and ArcCosine kernels)."
    ),
    "bnn.act.erf": "erf",
    "bnn.data.heading": "**Data**",
    "bnn.data.function": "True function",
    "bnn.data.function.help": "The function the data is drawn from (dotted curve).",
    "bnn.fn.sine": "sin(2x)",
    "bnn.fn.cubic": "0.1x³ − 0.5x",
    "bnn.fn.step": "sign(x)",
    "bnn.fn.abs": "|x| − 1.5",
    "bnn.data.noise": "Noise sd",
    "bnn.data.noise.help": "Standard deviation of the Gaussian noise added to f(x).",
    "bnn.data.n": "Training points n",
    "bnn.data.n.help": "Number of training points, uniform on [−3, 3] outside the gap.",
    "bnn.data.gap_c": "Gap centre",
    "bnn.data.gap_c.help": "Where the interval without data is centred.",
    "bnn.data.gap_w": "Gap width",
    "bnn.data.gap_w.help": (
        "Width of the interval without data (0: no gap). At an edge of [−3, 3] the gap "
        "becomes a region beyond the data."
    ),
    "bnn.model.heading": "**Network and training**",
    "bnn.model.width": "Hidden units J",
    "bnn.model.width.help": "Width of the hidden layer fc1.",
    "bnn.train.steps": "Training steps",
    "bnn.train.steps.help": "Full-batch Adam steps.",
    "bnn.train.lr": "Learning rate",
    "bnn.train.lr.help": (
        "Adam's learning rate. If it is too large and the loss stops being a finite number, "
        "training stops with a message."
    ),
    "bnn.train.button": "Train",
    "bnn.train.done": "Trained (kept for these settings)",
    "bnn.train.help": (
        "Trains for the current settings and seed, with a progress bar. The result is kept: "
        "changing another view or coming back does not train again."
    ),
    "bnn.train.first": (
        "Press **Train** to fit the network to this data set. It takes a few seconds; the "
        "result is kept for these settings and seed."
    ),
    "bnn.train.starting": "Starting…",
    "bnn.train.progress": "Step {step} of {total}",
    "bnn.axis.step": "training step",
    "bnn.axis.nats": "nats",
    "bnn.axis.count": "count",
    "bnn.axis.mse": "mean squared error",
    "bnn.legend.data": "training data",
    "bnn.legend.true": "true function",
    "bnn.legend.gap": "gap",
    # the prior
    "bnn.prior.intro": (
        "Every parameter tensor has a Normal(loc, scale) prior. Drawing every weight and bias "
        "gives one network, hence one random function f(x); many draws show the distribution "
        "over functions the prior expresses. The fc1 weight scale makes the units steeper, "
        "the fc1 bias scale spreads their bends further from 0 (a ReLU unit bends at "
        "x = −b_j / w_j), the out.weight scale sets the amplitude. With the output weights "
        "divided by √J the variance of f(x) stops growing with the width: as J grows, f "
        "becomes a Gaussian process (Neal 1996) — for erf units, with the NeuralNetwork "
        "kernel of the GP priors page."
    ),
    "bnn.prior.width": "Width J (hidden units)",
    "bnn.prior.width.help": "Number of hidden units of fc1.",
    "bnn.prior.n": "Networks drawn",
    "bnn.prior.n.help": "How many networks to draw from the prior. Press Resample for new ones.",
    "bnn.prior.scale_out": "Scale output weights by 1/√J",
    "bnn.prior.scale_out.help": (
        "Divide out.weight by √J (Neal 1996): out.weight ~ N(μ/√J, σ²/J). Then Var f(x) "
        "does not grow with the width J."
    ),
    "bnn.prior.loc": "loc μ",
    "bnn.prior.loc.help": "Mean of the Normal prior of {name}: {role}",
    "bnn.prior.scale": "scale σ",
    "bnn.prior.scale.help": "Standard deviation of the Normal prior of {name}: {role}",
    "bnn.prior.role.fc1_weight": "larger scales make the hidden units steeper.",
    "bnn.prior.role.fc1_bias": "larger scales spread the units' bends further from x = 0.",
    "bnn.prior.role.out_weight": "sets the amplitude of f.",
    "bnn.prior.role.out_bias": "shifts f up or down.",
    "bnn.prior.formula_caption": (
        "c = √J when “Scale output weights by 1/√J” is on, else 1. All networks are drawn at "
        "once as batched tensors: one randn per parameter tensor, no loop over networks."
    ),
    "bnn.prior.functions": "{n} networks drawn from the prior (J = {width})",
    "bnn.prior.variance": "Var f(x) over {n} networks",
    "bnn.legend.networks": "networks",
    "bnn.legend.prior_band": "mean ± 2 sd (closed form)",
    "bnn.legend.prior_mean": "mean (closed form)",
    "bnn.legend.empirical_var": "sample variance ({n} networks)",
    "bnn.legend.closed_var": "closed form",
    "bnn.prior.no_closed_form": (
        "No closed form for this activation and these priors: the variance is known exactly "
        "for linear units, and for erf and ReLU units when both fc1 locs are 0. The variance "
        "curve is a Monte Carlo estimate."
    ),
    "bnn.prior.closed.linear": (
        "Linear units: E[h(z)] = μ_z and E[h(z)²] = μ_z² + σ_z². The dashed curves are exact "
        "at every width J."
    ),
    "bnn.prior.closed.kernel": (
        "erf and ReLU units with centred fc1 priors: E[h(z)²] is the kernel k(x, x) of the "
        "GP priors page (NeuralNetwork for erf, ArcCosine for ReLU); E[erf z] = 0 and "
        "E[relu z] = σ_z/√(2π). The dashed curves are exact at every width J."
    ),
    "bnn.prior.gp_limit": (
        "Wide-network limit: as J → ∞ these networks become a Gaussian process with kernel "
        "{kernel}, the kernel of the “Infinite networks” view of the GP priors page. The "
        "dashed variance curve is its diagonal k(x, x), whatever the width."
    ),
    "bnn.prior.gp_unscaled": (
        "Without the 1/√J factor the variance of f(x) grows in proportion to J and there is "
        "no limit. Switch the scaling on to approach the Gaussian process with kernel {kernel}."
    ),
    # the variational posterior
    "bnn.vi.intro": (
        "Bayes by backprop (Blundell et al. 2015) fits a variational posterior q(w): a Normal "
        "with its own mean μ and standard deviation σ = softplus(ρ) for every weight and bias. "
        "Training maximises the ELBO — the expected log-likelihood of the data under networks "
        "drawn from q, minus KL(q ‖ p) to the prior N(0, σ_p²) — drawing the networks by "
        "reparameterisation, w = μ + σ·ε, so that gradients reach μ and ρ. Networks drawn "
        "from the trained q disagree where there is no data: the ±2 sd band widens in the "
        "gap, which a single deterministic network cannot show."
    ),
    "bnn.vi.prior": "Prior scale σ_p",
    "bnn.vi.prior.help": (
        "Every weight and bias has the prior N(0, σ_p²); the KL term pulls q towards it."
    ),
    "bnn.vi.sigma_y": "Likelihood noise σ_y",
    "bnn.vi.sigma_y.help": (
        "The likelihood is y ~ N(f_w(x), σ_y²). A smaller σ_y trusts the data more: a tighter "
        "fit and a narrower band on the data."
    ),
    "bnn.vi.k": "Samples K per step",
    "bnn.vi.k.help": (
        "Networks drawn from q at every step to estimate the expected log-likelihood; more "
        "give less noisy gradients."
    ),
    "bnn.vi.formula_caption": (
        "K networks per step estimate the expectation; the KL term between the diagonal "
        "Normals q and p is exact."
    ),
    "bnn.vi.data_title": "The data set",
    "bnn.vi.predictive_title": "Predictive distribution of networks drawn from q",
    "bnn.vi.elbo_title": "ELBO and its two terms during training",
    "bnn.legend.log_likelihood": "E_q[log p(y | x, w)]",
    "bnn.legend.band": "predictive mean ± 2 sd",
    "bnn.legend.sampled": "{n} networks drawn from q",
    "bnn.legend.mean": "predictive mean",
    "bnn.legend.learned": "learned parameters",
    "bnn.vi.sd_data": "Mean sd of f on the data",
    "bnn.vi.sd_data.help": (
        "Standard deviation of f(x) over networks drawn from q, averaged over the inputs "
        "outside the gap."
    ),
    "bnn.vi.sd_gap": "Mean sd of f in the gap",
    "bnn.vi.sd_gap.help": (
        "The same, averaged over the inputs inside the gap: larger where q has seen no data."
    ),
    "bnn.vi.elbo.help": "The final ELBO in nats: expected log-likelihood minus KL.",
    "bnn.vi.relu_note": (
        "With ReLU units the band hardly widens in a gap between data: for one hidden layer "
        "and a fully factorised Gaussian q, Var f(r) ≤ Var f(p) + Var f(q) for every r between "
        "p and q (Foong et al. 2020). Try tanh or erf, or put the gap at an edge of the range."
    ),
    "bnn.vi.hist_title": "Learned μ and σ of every weight and bias",
    "bnn.vi.softplus_title": "σ = softplus(ρ), and every learned (ρ, σ)",
    "bnn.vi.softplus_caption": (
        "softplus(ρ) is positive for every real ρ, so the optimiser moves ρ freely — no "
        "constraint, no clipping — and σ is always a valid standard deviation: ≈ ρ for large ρ, "
        "≈ e^ρ for very negative ρ. The guide starts at σ₀ = 0.05 through the inverse, "
        "ρ₀ = log(e^σ₀ − 1). The KL term is summed over every weight and bias."
    ),
    # noise as a regulariser
    "bnn.noise.intro": (
        "A deterministic network with many hidden units fits the noise of a small data set: "
        "its training error falls towards 0 while its test error stays high. Adding fresh "
        "Gaussian noise to the inputs (and hidden activations) at every training step, and "
        "none when predicting, acts like a penalty on steep functions (Bishop 1995): the same "
        "network, from the same initial weights, fits a smoother curve with a lower test error."
    ),
    "bnn.noise.input": "Input noise σₓ",
    "bnn.noise.input.help": (
        "Standard deviation of the Gaussian noise added to every input at every training "
        "step (0: none)."
    ),
    "bnn.noise.hidden": "Hidden noise σ_h",
    "bnn.noise.hidden.help": (
        "Standard deviation of the Gaussian noise added to every hidden activation at every "
        "training step (0: none)."
    ),
    "bnn.noise.formula_caption": (
        "For small σₓ, input noise adds σₓ² f′(x)² to the squared error, plus a term that "
        "vanishes near a good fit: a Tikhonov penalty on the slope (Bishop 1995). Both "
        "networks start from the same weights and see the same data; errors are measured "
        "without noise."
    ),
    "bnn.noise.data_title": "The data set (grey: test points)",
    "bnn.noise.errors_title": "Training (solid) and test (dashed) error",
    "bnn.noise.fits_title": "The same network trained without and with noise",
    "bnn.noise.plain": "without noise",
    "bnn.noise.noisy": "with Gaussian noise",
    "bnn.legend.fit_plain": "fit without noise",
    "bnn.legend.fit_noisy": "fit with noise",
    "bnn.legend.test": "test data",
    "bnn.legend.train_plain": "training, without noise",
    "bnn.legend.test_plain": "test, without noise",
    "bnn.legend.train_noisy": "training, with noise",
    "bnn.legend.test_noisy": "test, with noise",
    "bnn.noise.table.network": "network",
    "bnn.noise.table.train": "training MSE",
    "bnn.noise.table.test": "test MSE",
    "bnn.noise.verdict.better": (
        "With noise the test error is lower: the noisy network generalises better."
    ),
    "bnn.noise.verdict.worse": (
        "Here noise did not lower the test error: try more steps, fewer points or another σ."
    ),
    # errors of core.bnn*
    "error.bnn_prior_type": "{name} must be a NormalPrior(loc, scale).",
    "error.bnn_activation": "Unknown activation {name}; choose one of: {options}.",
    "error.bnn_no_closed_form": (
        "The prior variance of a {activation} network has no closed form here: it is known "
        "for linear units, and for erf and relu units with fc1 locs of 0."
    ),
    "error.bnn_no_gp_limit": (
        "A {activation} network with these priors has no Gaussian-process limit here: it "
        "needs erf or relu units, fc1 locs of 0, and (for relu) an out.weight loc of 0."
    ),
    "error.bnn_too_many": (
        "{n} networks of width {width} need too many weights: networks × width must be at "
        "most {limit:,}."
    ),
    "error.bnn_sigma": "{name} must be finite and greater than 0; {count} entries are not: {value}.",
    "error.bnn_mask_shape": (
        "inside must be a boolean mask with one entry per input ({n}), got shape {shape}."
    ),
    "error.bnn_gap_type": "gap must be a Gap (e.g. Gap.around(0, 1)), got {got}.",
    "error.bnn_functions_shape": (
        "The sampled functions must be a (networks, points) tensor with at least {min} "
        "network(s), got shape {shape}."
    ),
    "error.bnn_function": "Unknown true function {name}; choose one of: {options}.",
    "error.bnn_data_shape": "The {name} must be two 1-D tensors of the same length.",
    "error.bnn_data_not_finite": "The {name} contain NaN or infinite values.",
    "error.bnn_diverged": (
        "Training diverged at step {step}: the loss is no longer a finite number. Lower the "
        "learning rate (now {lr:g})."
    ),
    "error.bnn_over_budget": (
        "This training is too large for the server: {steps} steps × {networks} networks per "
        "step × {n} points × width {width} = {work:,} hidden-unit evaluations, more than the "
        "budget of {budget:,}. Lower the steps, the networks per step, the points or the width "
        "until the product is at most {budget:,}: with the others as they are, at most "
        "{max_steps:,} steps fit."
    ),
    "error.bnn_step_too_large": (
        "One training step would hold {units:,} hidden units ({networks} networks × {n} points "
        "× width {width}), more than the {limit:,} that fit in memory. Lower the networks per "
        "step, the points or the width."
    ),
}

ZH = {
    "bnn.intro": (
        "贝叶斯神经网络为每个权重和偏置赋予一个概率分布，而不是单一的数值。这里的网络有一个隐藏层——"
        "`fc1`（输入 → J 个隐藏单元）和 `out`（隐藏单元 → 输出），与常见的 Pyro 示例相同——"
        "并用纯 PyTorch 写成：先看它的先验，再看用 Bayes by Backprop 训练的变分后验，"
        "最后看一个廉价的近亲：训练时加入高斯噪声作为正则化。"
    ),
    "bnn.tab.prior": "函数上的先验",
    "bnn.tab.vi": "变分后验",
    "bnn.tab.noise": "噪声作为正则化",
    "bnn.activation": "激活函数 h",
    "bnn.activation.help": (
        "隐藏单元的非线性函数。erf 和 ReLU 的宽网络极限已知（NeuralNetwork 与 ArcCosine 核函数）。"
    ),
    "bnn.act.erf": "erf",
    "bnn.data.heading": "**数据**",
    "bnn.data.function": "真实函数",
    "bnn.data.function.help": "生成数据所用的函数（点线）。",
    "bnn.fn.sine": "sin(2x)",
    "bnn.fn.cubic": "0.1x³ − 0.5x",
    "bnn.fn.step": "sign(x)",
    "bnn.fn.abs": "|x| − 1.5",
    "bnn.data.noise": "噪声标准差",
    "bnn.data.noise.help": "加到 f(x) 上的高斯噪声的标准差。",
    "bnn.data.n": "训练点数 n",
    "bnn.data.n.help": "训练点的个数，在 [−3, 3] 中除空缺外均匀分布。",
    "bnn.data.gap_c": "空缺中心",
    "bnn.data.gap_c.help": "没有数据的区间的中心位置。",
    "bnn.data.gap_w": "空缺宽度",
    "bnn.data.gap_w.help": "没有数据的区间的宽度（0：没有空缺）。空缺位于 [−3, 3] 的一端时，它就成了数据范围之外的区域。",
    "bnn.model.heading": "**网络与训练**",
    "bnn.model.width": "隐藏单元数 J",
    "bnn.model.width.help": "隐藏层 fc1 的宽度。",
    "bnn.train.steps": "训练步数",
    "bnn.train.steps.help": "全批量 Adam 的步数。",
    "bnn.train.lr": "学习率",
    "bnn.train.lr.help": "Adam 的学习率。若学习率过大、损失不再是有限数，训练会停止并给出提示。",
    "bnn.train.button": "训练",
    "bnn.train.done": "已训练（按当前设置保存）",
    "bnn.train.help": "按当前设置和种子进行训练，并显示进度条。结果会被保存：切换到其他视图或返回时不会重新训练。",
    "bnn.train.first": "点击 **训练**，让网络拟合这个数据集。只需几秒钟；结果按当前设置和种子保存。",
    "bnn.train.starting": "正在开始…",
    "bnn.train.progress": "第 {step} 步，共 {total} 步",
    "bnn.axis.step": "训练步",
    "bnn.axis.nats": "奈特",
    "bnn.axis.count": "个数",
    "bnn.axis.mse": "均方误差",
    "bnn.legend.data": "训练数据",
    "bnn.legend.true": "真实函数",
    "bnn.legend.gap": "空缺",
    "bnn.prior.intro": (
        "每个参数张量都有一个 Normal(loc, scale) 先验。抽取全部权重和偏置就得到一个网络，"
        "也就得到一个随机函数 f(x)；多次抽取展示了先验所表达的函数分布。fc1 权重的尺度让隐藏单元更陡，"
        "fc1 偏置的尺度让它们的拐点离 0 更远（ReLU 单元在 x = −b_j / w_j 处弯折），"
        "out.weight 的尺度决定幅度。把输出权重除以 √J 后，f(x) 的方差不再随宽度增长："
        "J 增大时，f 成为一个高斯过程（Neal 1996）——对 erf 单元，其核函数就是高斯过程先验页面中的 "
        "NeuralNetwork 核函数。"
    ),
    "bnn.prior.width": "宽度 J（隐藏单元数）",
    "bnn.prior.width.help": "fc1 的隐藏单元个数。",
    "bnn.prior.n": "抽取的网络数",
    "bnn.prior.n.help": "从先验中抽取多少个网络。点击“重新采样”可获得新的网络。",
    "bnn.prior.scale_out": "输出权重乘以 1/√J",
    "bnn.prior.scale_out.help": "将 out.weight 除以 √J（Neal 1996）：out.weight ~ N(μ/√J, σ²/J)。这样 Var f(x) 不随宽度 J 增长。",
    "bnn.prior.loc": "均值 μ（loc）",
    "bnn.prior.loc.help": "{name} 的正态先验的均值：{role}",
    "bnn.prior.scale": "标准差 σ（scale）",
    "bnn.prior.scale.help": "{name} 的正态先验的标准差：{role}",
    "bnn.prior.role.fc1_weight": "尺度越大，隐藏单元越陡。",
    "bnn.prior.role.fc1_bias": "尺度越大，各单元的拐点离 x = 0 越远。",
    "bnn.prior.role.out_weight": "决定 f 的幅度。",
    "bnn.prior.role.out_bias": "使 f 整体上移或下移。",
    "bnn.prior.formula_caption": (
        "打开“输出权重乘以 1/√J”时 c = √J，否则 c = 1。所有网络以批量张量一次抽取："
        "每个参数张量调用一次 randn，不对网络做循环。"
    ),
    "bnn.prior.functions": "从先验抽取的 {n} 个网络（J = {width}）",
    "bnn.prior.variance": "{n} 个网络上的 Var f(x)",
    "bnn.legend.networks": "网络",
    "bnn.legend.prior_band": "均值 ± 2 个标准差（闭式）",
    "bnn.legend.prior_mean": "均值（闭式）",
    "bnn.legend.empirical_var": "样本方差（{n} 个网络）",
    "bnn.legend.closed_var": "闭式解",
    "bnn.prior.no_closed_form": (
        "对这个激活函数和这些先验没有闭式解：只有线性单元，以及两个 fc1 均值都为 0 的 erf 和 ReLU 单元，"
        "方差才有精确公式。方差曲线是蒙特卡洛估计。"
    ),
    "bnn.prior.closed.linear": "线性单元：E[h(z)] = μ_z，E[h(z)²] = μ_z² + σ_z²。虚线在任意宽度 J 下都是精确的。",
    "bnn.prior.closed.kernel": (
        "fc1 先验均值为 0 的 erf 和 ReLU 单元：E[h(z)²] 就是高斯过程先验页面中的核函数 k(x, x)"
        "（erf 对应 NeuralNetwork，ReLU 对应 ArcCosine）；E[erf z] = 0，E[relu z] = σ_z/√(2π)。"
        "虚线在任意宽度 J 下都是精确的。"
    ),
    "bnn.prior.gp_limit": (
        "宽网络极限：J → ∞ 时这些网络成为核函数为 {kernel} 的高斯过程，即高斯过程先验页面“无限宽网络”视图中的核函数。"
        "无论宽度多少，虚线方差曲线都是它的对角线 k(x, x)。"
    ),
    "bnn.prior.gp_unscaled": "没有 1/√J 因子时，f(x) 的方差与 J 成正比地增长，不存在极限。打开缩放即可趋近核函数为 {kernel} 的高斯过程。",
    "bnn.vi.intro": (
        "Bayes by Backprop（Blundell 等，2015）拟合一个变分后验 q(w)：每个权重和偏置都有一个正态分布，"
        "带有各自的均值 μ 和标准差 σ = softplus(ρ)。训练最大化 ELBO——在从 q 抽取的网络下数据的期望对数似然，"
        "减去到先验 N(0, σ_p²) 的 KL(q ‖ p)——并用重参数化技巧 w = μ + σ·ε 抽取网络，使梯度能传到 μ 和 ρ。"
        "从训练好的 q 抽取的网络在没有数据的地方意见不一：±2 个标准差的带在空缺处变宽，"
        "这是单个确定性网络无法表达的。"
    ),
    "bnn.vi.prior": "先验尺度 σ_p",
    "bnn.vi.prior.help": "每个权重和偏置的先验为 N(0, σ_p²)；KL 项把 q 拉向它。",
    "bnn.vi.sigma_y": "似然噪声 σ_y",
    "bnn.vi.sigma_y.help": "似然为 y ~ N(f_w(x), σ_y²)。σ_y 越小越信任数据：拟合更紧，数据处的带更窄。",
    "bnn.vi.k": "每步样本数 K",
    "bnn.vi.k.help": "每一步从 q 抽取多少个网络来估计期望对数似然；越多梯度的噪声越小。",
    "bnn.vi.formula_caption": "每步用 K 个网络估计期望；对角正态分布 q 与 p 之间的 KL 项是精确的。",
    "bnn.vi.data_title": "数据集",
    "bnn.vi.predictive_title": "从 q 抽取的网络给出的预测分布",
    "bnn.vi.elbo_title": "训练中的 ELBO 及其两项",
    "bnn.legend.log_likelihood": "E_q[log p(y | x, w)]",
    "bnn.legend.band": "预测均值 ± 2 个标准差",
    "bnn.legend.sampled": "从 q 抽取的 {n} 个网络",
    "bnn.legend.mean": "预测均值",
    "bnn.legend.learned": "学到的参数",
    "bnn.vi.sd_data": "数据处 f 的平均标准差",
    "bnn.vi.sd_data.help": "从 q 抽取的网络上 f(x) 的标准差，在空缺以外的输入上取平均。",
    "bnn.vi.sd_gap": "空缺处 f 的平均标准差",
    "bnn.vi.sd_gap.help": "同一个量，在空缺内的输入上取平均：q 没见过数据的地方更大。",
    "bnn.vi.elbo.help": "最终的 ELBO（奈特）：期望对数似然减去 KL。",
    "bnn.vi.relu_note": (
        "使用 ReLU 单元时，数据之间的空缺处带几乎不变宽：对单隐藏层网络和完全分解的高斯 q，"
        "对 p 与 q 之间的任意 r 都有 Var f(r) ≤ Var f(p) + Var f(q)（Foong 等，2020）。"
        "可以试试 tanh 或 erf，或者把空缺放到范围的一端。"
    ),
    "bnn.vi.hist_title": "每个权重和偏置学到的 μ 与 σ",
    "bnn.vi.softplus_title": "σ = softplus(ρ) 与每个学到的 (ρ, σ)",
    "bnn.vi.softplus_caption": (
        "对任意实数 ρ，softplus(ρ) 都是正的，因此优化器可以自由地移动 ρ——无需约束，也无需截断——"
        "而 σ 始终是合法的标准差：ρ 很大时 ≈ ρ，ρ 很负时 ≈ e^ρ。变分分布通过反函数 ρ₀ = log(e^σ₀ − 1) "
        "从 σ₀ = 0.05 开始。KL 项对所有权重和偏置求和。"
    ),
    "bnn.noise.intro": (
        "隐藏单元很多的确定性网络会拟合小数据集中的噪声：训练误差降向 0，测试误差却居高不下。"
        "在每个训练步给输入（以及隐藏层激活）加入新的高斯噪声、预测时不加，相当于惩罚陡峭的函数（Bishop 1995）："
        "同一个网络、同样的初始权重，会拟合出更平滑的曲线，测试误差也更低。"
    ),
    "bnn.noise.input": "输入噪声 σₓ",
    "bnn.noise.input.help": "每个训练步加到每个输入上的高斯噪声的标准差（0：不加）。",
    "bnn.noise.hidden": "隐藏层噪声 σ_h",
    "bnn.noise.hidden.help": "每个训练步加到每个隐藏层激活上的高斯噪声的标准差（0：不加）。",
    "bnn.noise.formula_caption": (
        "σₓ 较小时，输入噪声在平方误差上加上 σₓ² f′(x)²，外加一项在拟合良好时消失的项："
        "这是对斜率的 Tikhonov 惩罚（Bishop 1995）。两个网络从相同的权重开始、看到相同的数据；误差在不加噪声时测量。"
    ),
    "bnn.noise.data_title": "数据集（灰色：测试点）",
    "bnn.noise.errors_title": "训练误差（实线）与测试误差（虚线）",
    "bnn.noise.fits_title": "同一个网络在不加噪声与加入噪声时的训练结果",
    "bnn.noise.plain": "不加噪声",
    "bnn.noise.noisy": "加入高斯噪声",
    "bnn.legend.fit_plain": "不加噪声的拟合",
    "bnn.legend.fit_noisy": "加入噪声的拟合",
    "bnn.legend.test": "测试数据",
    "bnn.legend.train_plain": "训练，不加噪声",
    "bnn.legend.test_plain": "测试，不加噪声",
    "bnn.legend.train_noisy": "训练，加入噪声",
    "bnn.legend.test_noisy": "测试，加入噪声",
    "bnn.noise.table.network": "网络",
    "bnn.noise.table.train": "训练均方误差",
    "bnn.noise.table.test": "测试均方误差",
    "bnn.noise.verdict.better": "加入噪声后测试误差更低：加噪声的网络泛化得更好。",
    "bnn.noise.verdict.worse": "这里噪声没有降低测试误差：试试更多的步数、更少的点或别的 σ。",
    "error.bnn_prior_type": "{name} 必须是 NormalPrior(loc, scale)。",
    "error.bnn_activation": "未知的激活函数 {name}；可选：{options}。",
    "error.bnn_no_closed_form": "{activation} 网络的先验方差在这里没有闭式解：只有线性单元，以及 fc1 均值为 0 的 erf 和 relu 单元才有。",
    "error.bnn_no_gp_limit": "这些先验下的 {activation} 网络在这里没有高斯过程极限：需要 erf 或 relu 单元、fc1 均值为 0，并且（对 relu）out.weight 均值为 0。",
    "error.bnn_too_many": "{n} 个宽度为 {width} 的网络需要的权重太多：网络数 × 宽度不能超过 {limit:,}。",
    "error.bnn_sigma": "{name} 必须是大于 0 的有限数；有 {count} 个元素不是：{value}。",
    "error.bnn_mask_shape": "inside 必须是布尔掩码，每个输入（共 {n} 个）对应一个元素；实际形状为 {shape}。",
    "error.bnn_gap_type": "gap 必须是 Gap（例如 Gap.around(0, 1)），实际为 {got}。",
    "error.bnn_functions_shape": "抽样得到的函数必须是（网络数, 点数）形状的张量，且至少有 {min} 个网络；实际形状为 {shape}。",
    "error.bnn_function": "未知的真实函数 {name}；可选：{options}。",
    "error.bnn_data_shape": "{name} 必须是两个长度相同的一维张量。",
    "error.bnn_data_not_finite": "{name} 中含有 NaN 或无穷大的值。",
    "error.bnn_diverged": "训练在第 {step} 步发散：损失不再是有限数。请降低学习率（当前为 {lr:g}）。",
    "error.bnn_over_budget": (
        "这次训练对服务器来说太大：{steps} 步 × 每步 {networks} 个网络 × {n} 个点 × 宽度 {width} = "
        "{work:,} 次隐藏单元计算，超过了预算 {budget:,}。请减少步数、每步网络数、点数或宽度，"
        "使乘积不超过 {budget:,}：其他值保持不变时，最多只能训练 {max_steps:,} 步。"
    ),
    "error.bnn_step_too_large": (
        "一个训练步需要 {units:,} 个隐藏单元（{networks} 个网络 × {n} 个点 × 宽度 {width}），"
        "超过了内存能容纳的 {limit:,} 个。请减少每步网络数、点数或宽度。"
    ),
}
