"""Navigation, sidebar, home page, URL notices, shared widgets and core's generic errors."""

EN = {
    # navigation
    "nav.section.lab": "Lab",
    "nav.section.distributions": "Distributions",
    "nav.section.gp": "Gaussian processes",
    "nav.section.nn": "Neural networks",
    "nav.section.discrete": "Discrete choice",
    "page.home.title": "Overview",
    "page.distributions.title": "Normal distributions",
    "page.distributions.blurb": (
        "The 2D normal of torch.distributions.MultivariateNormal: mean, covariance, sample, "
        "log_prob, ellipses and conditionals; 1D distributions and sample vs rsample."
    ),
    "page.gp_priors.title": "Gaussian-process priors",
    "page.gp_priors.blurb": (
        "From random weights to random functions: kernels, their algebra, and why an "
        "infinitely wide network is a Gaussian process."
    ),
    "page.gp_posterior.title": "Gaussian-process posterior",
    "page.gp_posterior.blurb": (
        "Click to add observations and watch the posterior: noise, the marginal likelihood, "
        "and hyperparameters learned by gradient ascent."
    ),
    "page.activations.title": "Activations and gradients",
    "page.activations.blurb": (
        "Activation functions and their derivatives, saturation, and vanishing or exploding "
        "gradients across depth."
    ),
    "page.gradient_descent.title": "Gradient descent",
    "page.gradient_descent.blurb": (
        "The gradient as a vector; learning rate, momentum and initialisation on convex, "
        "non-convex and saddle-shaped surfaces, with torch.optim."
    ),
    "page.bayesian_nn.title": "Bayesian neural networks",
    "page.bayesian_nn.blurb": (
        "Priors on weights and biases, the functions they draw, a variational posterior by "
        "Bayes by backprop, and noise as a regulariser."
    ),
    "page.gumbel.title": "Gumbel and Gumbel-Softmax",
    "page.gumbel.blurb": (
        "The Gumbel distribution, the Gumbel-max trick, and Gumbel-Softmax with temperature "
        "and straight-through samples."
    ),
    # sidebar
    "sidebar.seed": "Random seed",
    "sidebar.seed.help": (
        "Every random picture is drawn from a generator seeded with this number, so the same "
        "seed (and the same link) shows the same samples."
    ),
    "sidebar.resample": "Resample",
    "sidebar.resample.help": "Draw a new seed: new samples, same settings.",
    "sidebar.present": "Presentation mode",
    "sidebar.present.help": (
        "For a projector: larger text, thicker lines, taller charts, controls folded away."
    ),
    "app.unexpected": (
        "Something went wrong while drawing this page. It is a bug in the lab, not in your "
        "settings: change a control or reload the page."
    ),
    # display and sharing
    "display.controls": "Controls",
    "display.csv": "Download the data (CSV)",
    "display.csv.help": "The numbers this chart draws, as a CSV file.",
    "share.button": "Share this view",
    "share.caption": "This link reopens exactly this view: page, settings and seed.",
    "share.qr": "Scan to open this view",
    "share.qr_too_long": (
        "This link ({n} characters) is too long for a QR code; share it as text instead."
    ),
    # home
    "home.title": "Deep Learning Probability Lab",
    "home.intro": (
        "Play with the probability and calculus behind deep learning. Every picture is "
        "computed live by PyTorch from the controls on its page, is reproducible from the "
        "seed in the sidebar, and shows the formula it draws and the short PyTorch program "
        "that reproduces it."
    ),
    "home.open": "Open",
    "home.share.title": "Share a view",
    "home.share.body": (
        "Every control is written into the page's address as you move it. Copy the address "
        "bar and send it: whoever opens the link sees the same page, the same settings and, "
        "through the seed, the same random samples. Press **Resample** for new draws."
    ),
    # URL notices
    "state.notice": (
        "The link set `{key}` to `{value}`, which is not valid ({valid}). Using **{used}** instead."
    ),
    "state.valid.number": "expected a number from {low} to {high}",
    "state.valid.integer": "expected a whole number from {low} to {high}",
    "state.valid.choice": "expected one of: {options}",
    "state.valid.flag": "expected true or false",
    "state.valid.text": "expected one value of at most {n} characters",
    "state.used.text": "its first {n} characters",
    # shared blocks
    "widgets.code.title": "PyTorch code for this view",
    # core.validate errors
    "error.not_a_number": "{name} must be a number, got {value}.",
    "error.not_finite": "{name} must be a finite number, got {value}.",
    "error.not_positive": "{name} must be greater than 0, got {value:g}.",
    "error.negative": "{name} must be 0 or more, got {value:g}.",
    "error.not_in_open_interval": (
        "{name} must lie strictly between {low:g} and {high:g}, got {value:g}."
    ),
    "error.not_int_in_range": "{name} must be a whole number from {low} to {high}, got {value:g}.",
    "error.tensor_not_finite": (
        "{name} must contain only finite numbers; {count} of {total} entries are not: {entries}."
    ),
    "error.out_of_range": "{name} must lie between {low:g} and {high:g}, got {value:g}.",
    "error.too_large": "{names} = {values} = {total} is too large: it must be at most {limit}.",
    "error.too_many_values": "{name} must have at most {limit} values; got more.",
}

ZH = {
    "nav.section.lab": "实验室",
    "nav.section.distributions": "概率分布",
    "nav.section.gp": "高斯过程",
    "nav.section.nn": "神经网络",
    "nav.section.discrete": "离散选择",
    "page.home.title": "概览",
    "page.distributions.title": "正态分布",
    "page.distributions.blurb": (
        "torch.distributions.MultivariateNormal 的二维正态分布：均值、协方差、sample、"
        "log_prob、椭圆与条件分布；一维分布以及 sample 与 rsample 的区别。"
    ),
    "page.gp_priors.title": "高斯过程先验",
    "page.gp_priors.blurb": "从随机权重到随机函数：核函数及其运算，以及为什么无限宽的网络是高斯过程。",
    "page.gp_posterior.title": "高斯过程后验",
    "page.gp_posterior.blurb": "点击添加观测，观察后验分布：噪声、边际似然，以及用梯度学习超参数。",
    "page.activations.title": "激活函数与梯度",
    "page.activations.blurb": "激活函数及其导数、饱和区，以及随深度出现的梯度消失与梯度爆炸。",
    "page.gradient_descent.title": "梯度下降",
    "page.gradient_descent.blurb": "梯度是一个向量；在凸、非凸和鞍形曲面上比较学习率、动量与初始化（torch.optim）。",
    "page.bayesian_nn.title": "贝叶斯神经网络",
    "page.bayesian_nn.blurb": "权重与偏置的先验、由它们抽取的函数、用 Bayes by Backprop 求变分后验，以及噪声作为正则化。",
    "page.gumbel.title": "Gumbel 与 Gumbel-Softmax",
    "page.gumbel.blurb": "Gumbel 分布、Gumbel-max 技巧，以及带温度与直通估计器样本的 Gumbel-Softmax。",
    "sidebar.seed": "随机种子",
    "sidebar.seed.help": "每张随机图都由以此数为种子的随机数生成器生成，因此相同的种子（以及相同的链接）会显示相同的样本。",
    "sidebar.resample": "重新采样",
    "sidebar.resample.help": "换一个新种子：样本更新，设置不变。",
    "sidebar.present": "演示模式",
    "sidebar.present.help": "适合投影仪：字号更大、线条更粗、图表更高，控件折叠收起。",
    "app.unexpected": "绘制此页面时出错。这是实验室程序的缺陷，与你的设置无关：请调整某个控件或重新加载页面。",
    "display.controls": "控件",
    "display.csv": "下载数据（CSV）",
    "display.csv.help": "此图所绘制的数据，保存为 CSV 文件。",
    "share.button": "分享此视图",
    "share.caption": "此链接可重新打开完全相同的视图：页面、设置和种子。",
    "share.qr": "扫码打开此视图",
    "share.qr_too_long": "此链接（{n} 个字符）太长，无法生成二维码；请以文本形式分享。",
    "home.title": "深度学习概率实验室",
    "home.intro": (
        "动手探索深度学习背后的概率与微积分。每张图都由 PyTorch 根据页面上的控件实时计算，"
        "可由侧边栏中的种子复现，并附有所画的公式和复现它的简短 PyTorch 程序。"
    ),
    "home.open": "打开",
    "home.share.title": "分享视图",
    "home.share.body": (
        "调整控件时，它的值会随即写入页面地址。复制地址栏中的链接发送出去："
        "打开链接的人会看到相同的页面、相同的设置，并通过种子看到相同的随机样本。"
        "点击 **重新采样** 可获得新的样本。"
    ),
    "state.notice": "链接将 `{key}` 设为 `{value}`，该值无效（{valid}），已改用 **{used}**。",
    "state.valid.number": "应为 {low} 到 {high} 之间的数",
    "state.valid.integer": "应为 {low} 到 {high} 之间的整数",
    "state.valid.choice": "应为以下之一：{options}",
    "state.valid.flag": "应为 true 或 false",
    "state.valid.text": "应为一个最多 {n} 个字符的值",
    "state.used.text": "其前 {n} 个字符",
    "widgets.code.title": "此视图的 PyTorch 代码",
    "error.not_a_number": "{name} 必须是数值，实际为 {value}。",
    "error.not_finite": "{name} 必须是有限数，实际为 {value}。",
    "error.not_positive": "{name} 必须大于 0，实际为 {value:g}。",
    "error.negative": "{name} 必须大于或等于 0，实际为 {value:g}。",
    "error.not_in_open_interval": "{name} 必须严格介于 {low:g} 与 {high:g} 之间，实际为 {value:g}。",
    "error.not_int_in_range": "{name} 必须是 {low} 到 {high} 之间的整数，实际为 {value:g}。",
    "error.tensor_not_finite": "{name} 只能包含有限数；{total} 个元素中有 {count} 个不是：{entries}。",
    "error.out_of_range": "{name} 必须介于 {low:g} 与 {high:g} 之间，实际为 {value:g}。",
    "error.too_large": "{names} = {values} = {total} 太大：最多为 {limit}。",
    "error.too_many_values": "{name} 最多只能有 {limit} 个值；实际更多。",
}
