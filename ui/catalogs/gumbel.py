"""The Gumbel page: the distribution, Gumbel-max, Gumbel-Softmax, annealing and top-k."""

EN = {
    "gumbel.intro": (
        "Adding Gumbel noise to logits and taking the argmax draws an exact sample of the "
        "categorical distribution softmax(logits); replacing the argmax by a softmax with "
        "temperature τ gives a differentiable relaxation, Gumbel-Softmax. The logits below "
        "are shared by every view except the first."
    ),
    "gumbel.logits.label": "Logits ℓ (2 to 10 numbers, comma-separated)",
    "gumbel.logits.help": (
        "One number per category, e.g. 2, 1, 0. The category probabilities are softmax(ℓ). "
        "With exactly 3 logits the Gumbel-Softmax view also draws the probability simplex."
    ),
    "gumbel.logits.fallback": "Using the default logits {logits} until the field is fixed.",
    "gumbel.tab.distribution": "Gumbel distribution",
    "gumbel.tab.max": "Gumbel-max trick",
    "gumbel.tab.softmax": "Gumbel-Softmax",
    "gumbel.tab.anneal": "Temperature annealing",
    "gumbel.tab.topk": "Gumbel top-k",
    "gumbel.category": "category i",
    "gumbel.probability": "probability",
    "gumbel.density": "density",
    # the distribution
    "gumbel.dist.intro": (
        "Push uniform numbers U through g = μ − β log(−log U): the flat histogram of U becomes "
        "the skewed histogram of a Gumbel(μ, β) sample, with a long right tail. This is the "
        "noise behind every other view."
    ),
    "gumbel.dist.formula_caption": (
        "Inverse-cdf sampling. U is clamped into [tiny, 1 − ε/2] of its float type, so U = 0 "
        "or U = 1 never gives an infinite g."
    ),
    "gumbel.dist.loc": "Location μ",
    "gumbel.dist.loc.help": "Shifts the distribution; μ is also its mode.",
    "gumbel.dist.scale": "Scale β",
    "gumbel.dist.scale.help": "Stretches the distribution; the standard deviation is πβ/√6.",
    "gumbel.dist.samples": "Samples n",
    "gumbel.dist.samples.help": "How many uniforms U are drawn and transformed.",
    "gumbel.dist.u_title": "U ~ Uniform(0, 1)",
    "gumbel.dist.g_title": "g = {loc:g} − {scale:g}·log(−log U)",
    "gumbel.dist.u_hist": "histogram of U",
    "gumbel.dist.g_hist": "histogram of g",
    "gumbel.dist.pdf": "pdf of Gumbel({loc:g}, {scale:g})",
    "gumbel.dist.mean": "mean",
    "gumbel.dist.mean.help": "μ + γβ, with Euler's constant γ ≈ 0.5772.",
    "gumbel.dist.median": "median",
    "gumbel.dist.median.help": "μ − β log(log 2) ≈ μ + 0.3665β.",
    "gumbel.dist.mode": "mode",
    "gumbel.dist.mode.help": "μ: the peak of the density.",
    "gumbel.dist.variance": "variance",
    "gumbel.dist.variance.help": "π²β²/6.",
    "gumbel.dist.sample_value": "sample: {value}",
    "gumbel.dist.cdf.title": "Empirical cdf of the sample against the exact cdf",
    "gumbel.dist.cdf.empirical": "empirical cdf (n = {n})",
    "gumbel.dist.cdf.exact": "F(x) = exp(−exp(−(x − μ)/β))",
    "gumbel.dist.cdf.y": "P(g ≤ x)",
    # the maximum of n normals
    "gumbel.maxima.title": "Why Gumbel? The largest of many",
    "gumbel.maxima.intro": (
        "The largest of n independent standard normals, shifted by b_n and scaled by a_n, "
        "tends to a Gumbel(0, 1) as n grows: that is why the Gumbel distribution describes "
        "extreme values such as yearly floods or the worst loss of a portfolio. The "
        "convergence is slow (of order 1/log n): watch the histogram creep towards the limit "
        "as n grows."
    ),
    "gumbel.maxima.formula_caption": (
        "Normalising constants from Leadbetter, Lindgren and Rootzén (1983), Theorem 1.5.3; "
        "also Embrechts, Klüppelberg and Mikosch (1997), Example 3.3.29."
    ),
    "gumbel.maxima.n": "Normals per maximum n",
    "gumbel.maxima.n.help": "Each sample is the largest of this many standard normal draws.",
    "gumbel.maxima.chart": "(max of {n} normals − b_n)/a_n, {m} samples",
    "gumbel.maxima.hist": "histogram of samples",
    "gumbel.maxima.exact": "exact density at this n",
    "gumbel.maxima.gumbel": "Gumbel(0, 1) limit",
    "gumbel.maxima.x": "(max Z − b_n)/a_n",
    "gumbel.maxima.caption": (
        "a_n = {a}, b_n = {b}. Largest gap between the exact cdf at this n and the Gumbel cdf: {d}."
    ),
    # Gumbel-max
    "gumbel.max.intro": (
        "Add independent Gumbel(0, 1) noise to each logit and keep the index of the largest: "
        "the result is an exact sample of the categorical distribution softmax(ℓ). The "
        "observed frequencies converge to softmax(ℓ) as n grows; the chi-square test asks "
        "whether the gap is more than chance."
    ),
    "gumbel.max.n": "Samples n",
    "gumbel.max.n.help": "How many Gumbel-max samples are drawn.",
    "gumbel.max.observed": "observed (n = {n})",
    "gumbel.max.chart": "Frequencies of argmax(ℓ + g) against softmax(ℓ)",
    "gumbel.max.running": "Frequencies among the first n samples",
    "gumbel.max.running.y": "frequency (dotted: softmax)",
    "gumbel.max.chi2.help": (
        "Pearson's statistic Σ (observed − expected)²/expected (scipy.stats.chisquare). "
        "Categories expected fewer than 5 times are pooled."
    ),
    "gumbel.max.dof": "degrees of freedom",
    "gumbel.max.dof.help": "Number of bins after pooling, minus 1.",
    "gumbel.max.p": "p-value",
    "gumbel.max.p.help": (
        "The chance of a statistic at least this large if the samples really follow "
        "softmax(ℓ). Under that hypothesis p is uniform on [0, 1]: values below 0.001 would "
        "be suspicious."
    ),
    "gumbel.max.no_test": (
        "Too few samples for a chi-square test: every category needs about 5 expected counts."
    ),
    # Gumbel-Softmax
    "gumbel.soft.intro": (
        "Replace the argmax by a softmax at temperature τ: each sample y is a point of the "
        "probability simplex, near a corner (one-hot) when τ is small and near the centre "
        "(uniform) when τ is large. The argmax of y is still an exact categorical sample at "
        "every τ."
    ),
    "gumbel.soft.formula_caption": (
        "Jang, Gu and Poole (2017); Maddison, Mnih and Teh (2017). sg = stop-gradient "
        "(detach): the hard sample is one-hot forward and has the soft sample's gradient."
    ),
    "gumbel.soft.tau": "Temperature τ",
    "gumbel.soft.tau.help": "Divides the perturbed logits: small τ sharpens, large τ flattens.",
    "gumbel.soft.batch": "Samples in the batch",
    "gumbel.soft.batch.help": "How many samples the stacked bars show.",
    "gumbel.soft.hard": "Hard (straight-through)",
    "gumbel.soft.hard.help": (
        "Show the one-hot of each soft sample, from the very same noise. Its gradient is the "
        "soft sample's (straight-through estimator)."
    ),
    "gumbel.soft.batch_chart": "A batch of samples y (one bar per sample)",
    "gumbel.soft.sample": "sample",
    "gumbel.soft.samples": "samples",
    "gumbel.soft.ternary": "{n} samples on the simplex, τ = {tau}",
    "gumbel.soft.ternary_k": "Type exactly 3 logits to see the samples on the probability simplex.",
    "gumbel.soft.wrong_short": "wrong: softmax(ℓ+τg)",
    "gumbel.soft.entropy": "Expected entropy of a sample against τ ({n} samples)",
    "gumbel.soft.entropy.y": "E[H(y)] (nats)",
    "gumbel.soft.entropy.ceiling": "log {k}: uniform",
    "gumbel.soft.argmax": "P(argmax y = i) at τ = {tau} ({n} samples)",
    "gumbel.soft.argmax_right": "right: softmax((ℓ+g)/τ)",
    "gumbel.soft.argmax_wrong": "wrong: softmax(ℓ+τg)",
    # gradients
    "gumbel.grad.title": "Gradients through samples: soft, hard and torch",
    "gumbel.grad.intro": (
        "The mean gradient of the loss L(y) = ‖y − e_c‖² with respect to the logits, over "
        "the samples: from our soft samples, from our hard (straight-through) samples made "
        "from the same noise, from torch.nn.functional.gumbel_softmax, and the exact gradient "
        "of the expected loss of a true categorical sample. The relaxed estimators are biased: "
        "they approach the exact gradient only as τ → 0, where their variance grows."
    ),
    "gumbel.grad.target": "Preferred category c",
    "gumbel.grad.target.help": "The loss is smallest when y is the one-hot vector of this category.",
    "gumbel.grad.soft": "ours, soft",
    "gumbel.grad.hard": "ours, hard (straight-through)",
    "gumbel.grad.exact": "exact ∇ E[L(one-hot)]",
    "gumbel.grad.chart": "Mean ∂L/∂ℓ over {n} samples, τ = {tau}, c = {c}",
    # the correctness note
    "gumbel.note.title": "Correctness note: divide by τ, do not multiply the noise",
    "gumbel.note.body": (
        "Gumbel-Softmax divides the perturbed logits by the temperature: "
        "**softmax((ℓ + g)/τ)** (left). A widely copied snippet computes "
        "**softmax(ℓ + τ·g)** (right), which is a different distribution. Both columns use "
        "the same noise g. At τ = 1 they coincide; as τ → 0 the wrong one returns softmax(ℓ) "
        "every time (no randomness left, never one-hot), and as τ → ∞ it becomes one-hot on "
        "the largest noise, ignoring the logits, so its argmax is no longer softmax(ℓ)."
    ),
    "gumbel.note.right": "right: softmax((ℓ + g)/τ)",
    "gumbel.note.wrong": "wrong: softmax(ℓ + τ·g)",
    "gumbel.note.right_ternary": "right: {n} samples, τ = {tau}",
    "gumbel.note.wrong_ternary": "wrong: {n} samples, τ = {tau}",
    # annealing
    "gumbel.anneal.intro": (
        "In training, τ often starts at 1 and is lowered step by step, τ_t = max(τ_min, "
        "exp(−r t)): early samples are smooth (useful gradients), later ones are nearly "
        "one-hot (close to the discrete choice they stand for)."
    ),
    "gumbel.anneal.steps": "Steps T",
    "gumbel.anneal.steps.help": "Number of training steps shown.",
    "gumbel.anneal.rate": "Decay rate r",
    "gumbel.anneal.rate.help": "τ_t = exp(−r t) until it reaches τ_min.",
    "gumbel.anneal.tau_min": "Floor τ_min",
    "gumbel.anneal.tau_min.help": "The temperature never goes below this value.",
    "gumbel.anneal.chart": "Schedule τ_t and the mean largest probability ({n} samples per step)",
    "gumbel.anneal.sharpness": "mean of max_i y_i",
    "gumbel.anneal.sharpness_axis": "mean max_i y_i",
    "gumbel.anneal.step": "step t",
    "gumbel.anneal.heatmap": "One sample y per step: it sharpens as τ falls",
    # top-k
    "gumbel.topk.intro": (
        "The k largest perturbed logits are a sample of k categories without replacement, "
        "drawn in order with the Plackett-Luce probabilities (Kool, van Hoof and Welling "
        "2019). The chance that category i is included is not k·softmax(ℓ)_i: the exact "
        "value sums the probabilities of every ordering."
    ),
    "gumbel.topk.k": "Categories drawn k",
    "gumbel.topk.k.help": "How many distinct categories each sample contains.",
    "gumbel.topk.n": "Samples n",
    "gumbel.topk.n.help": "How many top-k samples are drawn.",
    "gumbel.topk.freq": "sampled (n = {n}, ±2 s.e.)",
    "gumbel.topk.exact": "exact (Plackett-Luce)",
    "gumbel.topk.chart": "P(i is among the top {k}) against the exact inclusion probability",
    "gumbel.topk.y": "inclusion probability",
    "gumbel.topk.caption": (
        "Error bars: ±2 binomial standard errors of the sampled frequency. The first pick "
        "alone is Categorical(softmax(ℓ)), as in the Gumbel-max trick."
    ),
    # errors raised by core.gumbel
    "error.gumbel_shape": "shape must be a tuple of whole numbers >= 0, got {shape}.",
    "error.gumbel_too_many": (
        "That asks for {count:,} random numbers; at most {limit:,} are allowed."
    ),
    "error.gumbel_logits_shape": (
        "logits must be a vector of k numbers (or an m x k batch of them), got shape {shape}."
    ),
    "error.gumbel_logits_type": "logits must be numbers, got {value}.",
    "error.gumbel_x_type": "x must be numbers, got {value}.",
    "error.gumbel_logits_text_length": "Type the logits as text of at most {limit} characters.",
    "error.gumbel_orderings": (
        "{n} logits have {count} orderings of k = {k}; enumerating them is limited to {limit} "
        "(n! / (n - k)!): use fewer logits or a smaller k."
    ),
    "error.gumbel_indices": "indices must be whole numbers (an integer tensor).",
    "error.gumbel_index_range": (
        "indices must lie from 0 to k - 1 = {high}; {count} do not: {entries}."
    ),
    "error.gumbel_cdf_grids": "The two cdfs must be on one grid, got {n_a} and {n_b} values.",
    "error.gumbel_chi_square_values": (
        "{name} must be finite numbers >= 0; {count} are not: {entries}."
    ),
    "error.gumbel_chi_square_empty": (
        "{name} must not all be 0: the test needs samples and probabilities."
    ),
    "error.gumbel_logits_vector": "This needs a vector of k logits, got shape {shape}.",
    "error.gumbel_logits_text": (
        "Logits are numbers separated by commas; '{item}' is not a number."
    ),
    "error.gumbel_logits_not_finite": "Logits must be finite numbers, got '{item}'.",
    "error.gumbel_logits_count": (
        "Type from {low} to {high} logits separated by commas; got {count}."
    ),
    "error.gumbel_batch": "A batch of {m} rows of logits takes n = 1 or n = {m}, got n = {n}.",
    "error.gumbel_tau_shape": "tau must be a single number, got a tensor of shape {shape}.",
    "error.gumbel_chi_square_shape": "counts and probs need the same length.",
    "error.gumbel_topk_size": "Exact inclusion probabilities need at most 16 logits, got {count}.",
}

ZH = {
    "gumbel.intro": (
        "给 logits（未归一化的对数概率）加上 Gumbel 噪声再取 argmax，就得到类别分布 "
        "softmax(logits) 的一个精确样本；把 argmax 换成带温度 τ 的 softmax，就得到可微的松弛："
        "Gumbel-Softmax。下面的 logits 供除第一个视图外的所有视图共用。"
    ),
    "gumbel.logits.label": "logits ℓ（2 到 10 个数，用逗号分隔）",
    "gumbel.logits.help": (
        "每个类别一个数，例如 2, 1, 0。各类别的概率为 softmax(ℓ)。"
        "恰好输入 3 个 logits 时，Gumbel-Softmax 视图还会画出概率单纯形。"
    ),
    "gumbel.logits.fallback": "在输入框修正之前，暂时使用默认的 logits {logits}。",
    "gumbel.tab.distribution": "Gumbel 分布",
    "gumbel.tab.max": "Gumbel-max 技巧",
    "gumbel.tab.softmax": "Gumbel-Softmax",
    "gumbel.tab.anneal": "温度退火",
    "gumbel.tab.topk": "Gumbel top-k",
    "gumbel.category": "类别 i",
    "gumbel.probability": "概率",
    "gumbel.density": "密度",
    "gumbel.dist.intro": (
        "把均匀随机数 U 送入 g = μ − β log(−log U)：U 的平坦直方图变成 Gumbel(μ, β) 样本的"
        "偏斜直方图，右侧拖着长尾。其他所有视图用的都是这种噪声。"
    ),
    "gumbel.dist.formula_caption": (
        "逆变换采样（基于逆累积分布函数）。U 被截断到其浮点类型的 [tiny, 1 − ε/2] 区间内，"
        "因此 U = 0 或 U = 1 也不会得到无穷大的 g。"
    ),
    "gumbel.dist.loc": "位置 μ",
    "gumbel.dist.loc.help": "平移分布；μ 也是它的众数。",
    "gumbel.dist.scale": "尺度 β",
    "gumbel.dist.scale.help": "拉伸分布；标准差为 πβ/√6。",
    "gumbel.dist.samples": "样本数 n",
    "gumbel.dist.samples.help": "抽取并变换多少个均匀随机数 U。",
    "gumbel.dist.u_title": "U ~ 均匀分布(0, 1)",
    "gumbel.dist.g_title": "g = {loc:g} − {scale:g}·log(−log U)",
    "gumbel.dist.u_hist": "U 的直方图",
    "gumbel.dist.g_hist": "g 的直方图",
    "gumbel.dist.pdf": "Gumbel({loc:g}, {scale:g}) 的概率密度",
    "gumbel.dist.mean": "均值",
    "gumbel.dist.mean.help": "μ + γβ，其中欧拉常数 γ ≈ 0.5772。",
    "gumbel.dist.median": "中位数",
    "gumbel.dist.median.help": "μ − β log(log 2) ≈ μ + 0.3665β。",
    "gumbel.dist.mode": "众数",
    "gumbel.dist.mode.help": "μ：密度的峰值所在。",
    "gumbel.dist.variance": "方差",
    "gumbel.dist.variance.help": "π²β²/6。",
    "gumbel.dist.sample_value": "样本：{value}",
    "gumbel.dist.cdf.title": "样本的经验累积分布函数与精确累积分布函数",
    "gumbel.dist.cdf.empirical": "经验累积分布函数（n = {n}）",
    "gumbel.dist.cdf.exact": "F(x) = exp(−exp(−(x − μ)/β))",
    "gumbel.dist.cdf.y": "P(g ≤ x)",
    "gumbel.maxima.title": "为什么是 Gumbel？许多数中的最大值",
    "gumbel.maxima.intro": (
        "n 个独立标准正态变量的最大值，减去 b_n 再除以 a_n，随 n 增大趋于 Gumbel(0, 1)："
        "这就是 Gumbel 分布能描述极值（例如每年的最大洪水、投资组合的最大损失）的原因。"
        "收敛很慢（量级为 1/log n）：增大 n，看直方图如何慢慢靠近极限。"
    ),
    "gumbel.maxima.formula_caption": (
        "规范化常数取自 Leadbetter、Lindgren 与 Rootzén（1983）定理 1.5.3；"
        "另见 Embrechts、Klüppelberg 与 Mikosch（1997）例 3.3.29。"
    ),
    "gumbel.maxima.n": "每个最大值的正态样本数 n",
    "gumbel.maxima.n.help": "每个样本都是这么多个标准正态随机数中的最大值。",
    "gumbel.maxima.chart": "（{n} 个正态样本的最大值 − b_n）/a_n，共 {m} 个样本",
    "gumbel.maxima.hist": "样本直方图",
    "gumbel.maxima.exact": "此 n 下的精确密度",
    "gumbel.maxima.gumbel": "Gumbel(0, 1) 极限",
    "gumbel.maxima.x": "(max Z − b_n)/a_n",
    "gumbel.maxima.caption": (
        "a_n = {a}，b_n = {b}。此 n 下精确累积分布函数与 Gumbel 累积分布函数之间的最大差距：{d}。"
    ),
    "gumbel.max.intro": (
        "给每个 logit 加上独立的 Gumbel(0, 1) 噪声，取最大者的下标：结果是类别分布 "
        "softmax(ℓ) 的精确样本。随着 n 增大，观测频率收敛到 softmax(ℓ)；"
        "卡方检验判断这一差距是否超出了随机波动的范围。"
    ),
    "gumbel.max.n": "样本数 n",
    "gumbel.max.n.help": "抽取多少个 Gumbel-max 样本。",
    "gumbel.max.observed": "观测频率（n = {n}）",
    "gumbel.max.chart": "argmax(ℓ + g) 的频率与 softmax(ℓ)",
    "gumbel.max.running": "前 n 个样本中的频率",
    "gumbel.max.running.y": "频率（点线：softmax）",
    "gumbel.max.chi2.help": (
        "Pearson 统计量 Σ (观测 − 期望)²/期望（scipy.stats.chisquare）。"
        "期望次数少于 5 的类别会被合并。"
    ),
    "gumbel.max.dof": "自由度",
    "gumbel.max.dof.help": "合并后的组数减 1。",
    "gumbel.max.p": "p 值",
    "gumbel.max.p.help": (
        "若样本确实服从 softmax(ℓ)，统计量至少这么大的概率。在此假设下 p 在 [0, 1] 上均匀分布："
        "低于 0.001 才值得怀疑。"
    ),
    "gumbel.max.no_test": "样本太少，无法做卡方检验：每个类别的期望频数大约需要达到 5。",
    "gumbel.soft.intro": (
        "把 argmax 换成温度为 τ 的 softmax：每个样本 y 是概率单纯形上的一个点，τ 小时靠近顶点"
        "（独热），τ 大时靠近中心（均匀）。在任何 τ 下，y 的 argmax 仍是精确的类别样本。"
    ),
    "gumbel.soft.formula_caption": (
        "Jang、Gu 与 Poole（2017）；Maddison、Mnih 与 Teh（2017）。sg = 停止梯度（detach）："
        "硬样本在前向传播中是独热向量，梯度则取软样本的梯度。"
    ),
    "gumbel.soft.tau": "温度 τ",
    "gumbel.soft.tau.help": "扰动后的 logits 除以 τ：τ 小则更尖锐，τ 大则更平坦。",
    "gumbel.soft.batch": "批量中的样本数",
    "gumbel.soft.batch.help": "堆叠条形图显示多少个样本。",
    "gumbel.soft.hard": "硬样本（直通估计器）",
    "gumbel.soft.hard.help": (
        "显示每个软样本的独热向量，使用完全相同的噪声。它的梯度就是软样本的梯度（直通估计器）。"
    ),
    "gumbel.soft.batch_chart": "一批样本 y（每个样本一根条形）",
    "gumbel.soft.sample": "样本",
    "gumbel.soft.samples": "样本",
    "gumbel.soft.ternary": "单纯形上的 {n} 个样本，τ = {tau}",
    "gumbel.soft.ternary_k": "恰好输入 3 个 logits，即可在概率单纯形上看到样本。",
    "gumbel.soft.wrong_short": "错误：softmax(ℓ+τg)",
    "gumbel.soft.entropy": "样本的期望熵随 τ 的变化（{n} 个样本）",
    "gumbel.soft.entropy.y": "E[H(y)]（奈特）",
    "gumbel.soft.entropy.ceiling": "log {k}：均匀分布",
    "gumbel.soft.argmax": "τ = {tau} 时的 P(argmax y = i)（{n} 个样本）",
    "gumbel.soft.argmax_right": "正确：softmax((ℓ+g)/τ)",
    "gumbel.soft.argmax_wrong": "错误：softmax(ℓ+τg)",
    "gumbel.grad.title": "经由样本的梯度：软样本、硬样本与 torch",
    "gumbel.grad.intro": (
        "损失 L(y) = ‖y − e_c‖² 对 logits 的梯度在样本上的平均：来自本页实现的软样本、"
        "由同一噪声得到的硬样本（直通估计器）、torch.nn.functional.gumbel_softmax，"
        "以及真实类别样本期望损失的精确梯度。松弛估计器是有偏的：只有 τ → 0 时才接近精确梯度，"
        "而那时它们的方差会变大。"
    ),
    "gumbel.grad.target": "偏好类别 c",
    "gumbel.grad.target.help": "当 y 是该类别的独热向量时损失最小。",
    "gumbel.grad.soft": "本页实现：软样本",
    "gumbel.grad.hard": "本页实现：硬样本（直通估计器）",
    "gumbel.grad.exact": "精确的 ∇ E[L(独热)]",
    "gumbel.grad.chart": "{n} 个样本上 ∂L/∂ℓ 的平均，τ = {tau}，c = {c}",
    "gumbel.note.title": "正确性说明：除以 τ，而不是把噪声乘以 τ",
    "gumbel.note.body": (
        "Gumbel-Softmax 把扰动后的 logits 除以温度：**softmax((ℓ + g)/τ)**（左）。"
        "一段被广泛复制的代码计算的是 **softmax(ℓ + τ·g)**（右），这是另一个分布。"
        "两列使用相同的噪声 g。τ = 1 时两者一致；τ → 0 时错误版本每次都返回 softmax(ℓ)"
        "（不再有随机性，永远不是独热）；τ → ∞ 时它变成噪声最大者的独热向量，完全忽略 logits，"
        "因此它的 argmax 不再服从 softmax(ℓ)。"
    ),
    "gumbel.note.right": "正确：softmax((ℓ + g)/τ)",
    "gumbel.note.wrong": "错误：softmax(ℓ + τ·g)",
    "gumbel.note.right_ternary": "正确：{n} 个样本，τ = {tau}",
    "gumbel.note.wrong_ternary": "错误：{n} 个样本，τ = {tau}",
    "gumbel.anneal.intro": (
        "训练中 τ 常从 1 开始逐步降低，τ_t = max(τ_min, exp(−r t))：早期样本平滑（梯度有用），"
        "后期样本几乎是独热（接近它们所代表的离散选择）。"
    ),
    "gumbel.anneal.steps": "步数 T",
    "gumbel.anneal.steps.help": "显示的训练步数。",
    "gumbel.anneal.rate": "衰减率 r",
    "gumbel.anneal.rate.help": "τ_t = exp(−r t)，直到降到 τ_min。",
    "gumbel.anneal.tau_min": "下限 τ_min",
    "gumbel.anneal.tau_min.help": "温度永远不会低于这个值。",
    "gumbel.anneal.chart": "温度调度 τ_t 与最大概率的平均（每步 {n} 个样本）",
    "gumbel.anneal.sharpness": "max_i y_i 的平均",
    "gumbel.anneal.sharpness_axis": "max_i y_i 的平均",
    "gumbel.anneal.step": "训练步 t",
    "gumbel.anneal.heatmap": "每步一个样本 y：随着 τ 下降而变尖锐",
    "gumbel.topk.intro": (
        "最大的 k 个扰动 logits 构成 k 个类别的无放回样本，按 Plackett-Luce 概率依次抽出"
        "（Kool、van Hoof 与 Welling 2019）。类别 i 被选中的概率并不是 k·softmax(ℓ)_i："
        "精确值要对所有排列的概率求和。"
    ),
    "gumbel.topk.k": "抽取的类别数 k",
    "gumbel.topk.k.help": "每个样本包含多少个不同的类别。",
    "gumbel.topk.n": "样本数 n",
    "gumbel.topk.n.help": "抽取多少个 top-k 样本。",
    "gumbel.topk.freq": "采样频率（n = {n}，±2 个标准误）",
    "gumbel.topk.exact": "精确值（Plackett-Luce）",
    "gumbel.topk.chart": "P(i 在前 {k} 个之中) 与精确的入选概率",
    "gumbel.topk.y": "入选概率",
    "gumbel.topk.caption": (
        "误差线：采样频率的 ±2 个二项标准误。单看第一个选中的类别，"
        "它服从 Categorical(softmax(ℓ))，与 Gumbel-max 技巧相同。"
    ),
    "error.gumbel_shape": "shape 必须是由大于等于 0 的整数组成的元组，实际为 {shape}。",
    "error.gumbel_too_many": "这需要 {count:,} 个随机数；最多允许 {limit:,} 个。",
    "error.gumbel_logits_shape": "logits 必须是 k 个数组成的向量（或 m x k 的批量），实际形状为 {shape}。",
    "error.gumbel_logits_type": "logits 必须是数值，实际为 {value}。",
    "error.gumbel_x_type": "x 必须是数值，实际为 {value}。",
    "error.gumbel_logits_text_length": "logits 文本最多 {limit} 个字符。",
    "error.gumbel_orderings": "{n} 个 logits 取 k = {k} 的有序排列共 {count} 种；枚举最多允许 {limit} 种（n! / (n - k)!）：请减少 logits 或减小 k。",
    "error.gumbel_indices": "indices 必须是整数（整数张量）。",
    "error.gumbel_index_range": "indices 必须在 0 到 k - 1 = {high} 之间；有 {count} 个不在：{entries}。",
    "error.gumbel_cdf_grids": "两个累积分布函数必须在同一网格上，实际分别有 {n_a} 和 {n_b} 个值。",
    "error.gumbel_chi_square_values": "{name} 必须是大于等于 0 的有限数；有 {count} 个不是：{entries}。",
    "error.gumbel_chi_square_empty": "{name} 不能全为 0：检验需要样本和概率。",
    "error.gumbel_logits_vector": "这里需要由 k 个 logits 组成的向量，实际形状为 {shape}。",
    "error.gumbel_logits_text": "logits 是用逗号分隔的数；'{item}' 不是数值。",
    "error.gumbel_logits_not_finite": "logits 必须是有限的数，实际为 '{item}'。",
    "error.gumbel_logits_count": "请输入 {low} 到 {high} 个用逗号分隔的 logits；实际为 {count} 个。",
    "error.gumbel_batch": "{m} 行的 logits 批量只接受 n = 1 或 n = {m}，实际 n = {n}。",
    "error.gumbel_tau_shape": "tau 必须是单个数，实际是形状为 {shape} 的张量。",
    "error.gumbel_chi_square_shape": "counts 与 probs 的长度必须相同。",
    "error.gumbel_topk_size": "精确的入选概率最多支持 16 个 logits，实际为 {count} 个。",
}
