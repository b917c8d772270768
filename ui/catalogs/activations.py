"""The activations page: functions and derivatives, depth, chain rule, clipping, your own."""

# The activations' display names (core.activations' labels; a test keeps the two equal).
# Written out rather than imported, so loading the catalogs does not import torch.
_NAMES = {
    "act.name.sigmoid": "Sigmoid",
    "act.name.tanh": "Tanh",
    "act.name.relu": "ReLU",
    "act.name.leaky_relu": "Leaky ReLU",
    "act.name.prelu": "PReLU",
    "act.name.elu": "ELU",
    "act.name.selu": "SELU",
    "act.name.gelu": "GELU",
    "act.name.gelu_tanh": "GELU (tanh)",
    "act.name.silu": "SiLU / Swish",
    "act.name.softplus": "Softplus",
    "act.name.mish": "Mish",
    "act.name.softsign": "Softsign",
    "act.name.hardtanh": "Hardtanh",
    "act.name.hardsigmoid": "Hardsigmoid",
    "act.name.relu6": "ReLU6",
    "act.name.linear": "Identity",
}

_ALLOWED_EN = (
    "Allowed: numbers, the variables {variables}, the constants pi and e, `+ - * / **` and the "
    "functions {functions}."
)
_ALLOWED_ZH = (
    "允许的写法：数字、变量 {variables}、常数 pi 和 e、运算符 `+ - * / **`，以及函数 {functions}。"
)

EN = {
    **_NAMES,
    "act.intro": (
        "Why did sigmoid give way to ReLU? Every curve below is computed by PyTorch, and every "
        "derivative by `torch.autograd`. Look at where the derivative is nearly zero (the "
        "function *saturates*), then at what the chain rule does to such small factors when a "
        "network is deep."
    ),
    "act.tab.functions": "Function and derivative",
    "act.tab.depth": "Gradients across depth",
    "act.tab.chain": "Chain rule by hand",
    "act.tab.clipping": "Gradient clipping",
    "act.tab.custom": "Your own activation",
    # function and derivative
    "act.functions.intro": (
        "Choose activations to compare. The top panel draws f(x), the one below its derivative "
        "f'(x) from autograd; shaded zones are where |f'(x)| < ε: there the gradient that "
        "flows back through the unit almost vanishes."
    ),
    "act.fns.label": "Activations",
    "act.fns.help": "Pick up to {n} activation functions to draw together.",
    "act.fns.none": "Choose at least one activation above.",
    "act.xmax.label": "x range ±",
    "act.xmax.help": "The curves are drawn for x from minus this value to this value.",
    "act.eps.label": "Saturation threshold ε",
    "act.eps.help": "Shade the x where |f'(x)| < ε: there the unit passes almost no gradient.",
    "act.x0.label": "Probe x₀",
    "act.x0.help": (
        "The point of the table below: f(x₀), autograd's f'(x₀) and the closed-form f'(x₀)."
    ),
    "act.second.label": "Show f''(x)",
    "act.second.help": "Add a panel with the second derivative, also from autograd.",
    "act.param.label": "{activation}: {param}",
    "act.param.help": (
        "The {param} parameter of this activation ({low:g} to {high:g}; PyTorch's default is "
        "{default:g})."
    ),
    "act.functions.chart": "Activation functions and their derivatives",
    "act.functions.caption": (
        "Solid: f(x); dashed: f'(x); dotted: f''(x). Tinted columns: |f'(x)| < {eps:g} for the "
        "activation of that colour. The dotted vertical line is the probe x₀."
    ),
    "act.saturation.band": "|f'| < {eps:g}",
    "act.saturation.zone": "saturated: |f'(z)| < {eps:g}",
    "act.axis.f": "f(x)",
    "act.axis.df": "f'(x)",
    "act.axis.d2f": "f''(x)",
    "act.table.title": "**At the probe x₀ = {x0:g}**",
    "act.table.activation": "Activation",
    "act.table.f": "f(x₀)",
    "act.table.autograd": "f'(x₀) autograd",
    "act.table.closed": "f'(x₀) closed form",
    "act.table.range": "Output range",
    "act.table.max": "sup |f'|",
    "act.kink": (
        "**{activation}** is not differentiable at x = {x}: the derivative is {left} on the "
        "left and {right} on the right. PyTorch's autograd returns **{value}** there."
    ),
    # depth
    "act.depth.intro": (
        "A fully connected network of L layers of width w, no biases, weights drawn with the "
        "chosen initialisation. A batch of random inputs goes forward, the loss (the mean sum "
        "of the outputs) goes back, and each layer's weight gradient is measured. With sigmoid "
        "and small weights the first layers get almost nothing (vanishing gradients); ReLU "
        "with He initialisation keeps the norms of the same order across layers."
    ),
    "act.fn.label": "Activation",
    "act.fn.help": "The activation function used in every layer.",
    "act.depth.label": "Depth L",
    "act.depth.help": "Number of layers (each a width × width matrix followed by the activation).",
    "act.width.label": "Width w",
    "act.width.help": "Units per layer; the input has the same width.",
    "act.init.label": "Initialisation",
    "act.init.help": (
        "Xavier/Glorot: N(0, 2/(fan_in + fan_out)); He/Kaiming: N(0, 2/fan_in), made for ReLU; "
        "plain normal: N(0, σ²) with the σ on the right."
    ),
    "act.init.xavier": "Xavier / Glorot",
    "act.init.he": "He / Kaiming",
    "act.init.normal": "Plain normal N(0, σ²)",
    "act.sigma.label": "σ (plain normal)",
    "act.sigma.help": "Standard deviation of the weights; used by the plain normal init only.",
    "act.depth.formula_caption": (
        "Backpropagation multiplies one factor W_l^T diag f'(z_l) per layer: small factors "
        "shrink the gradient geometrically on its way to the first layer, large ones blow it up."
    ),
    "act.depth.first": "‖∂ℓ/∂W₁‖ (first layer)",
    "act.depth.last": "‖∂ℓ/∂W_L‖ (last layer)",
    "act.depth.ratio": "first / last",
    "act.depth.chart": "Weight-gradient norm per layer",
    "act.depth.hist_chart": "Pre-activations z of each layer",
    "act.depth.hist_caption": (
        "Each row is the histogram of one layer's pre-activations over a seeded batch of {batch} "
        "inputs (values beyond the range are counted in the end bins). Orange zones: where the "
        "activation saturates."
    ),
    "act.axis.layer": "layer l",
    "act.axis.grad_norm": "‖∂ℓ/∂W_l‖ (log scale)",
    "act.axis.z": "pre-activation z",
    "act.axis.share": "share",
    # chain rule
    "act.chain.intro": (
        "One path through L layers of the same scalar unit, h_l = f(w h_(l-1)). The chain rule "
        "makes the derivative of the output a product of L local factors w f'(z_l), each at most "
        "|w| sup|f'| in size: for sigmoid with w = 1 that is 0.25^L."
    ),
    "act.chain.depth_help": "How many times the unit is composed with itself.",
    "act.chain.x0_label": "Input x₀",
    "act.chain.x0_help": "Where the path starts.",
    "act.chain.w_label": "Weight w",
    "act.chain.w_help": "The same scalar weight in every layer: z_l = w h_(l-1).",
    "act.chain.formula_caption": (
        "The product is computed from the closed-form f'; autograd computes the same derivative "
        "by backpropagation; the dashed line is the bound."
    ),
    "act.chain.by_hand": "product of w f'(z_l) (by hand)",
    "act.chain.autograd": "autograd ∂h_l/∂x₀",
    "act.chain.bound": "bound (|w| sup|f'|)^l",
    "act.chain.chart": "The chain rule through l layers",
    "act.axis.chain": "|∂h_l/∂x₀| (log scale)",
    "act.chain.zero": (
        "Where a point is missing the derivative is exactly 0 (a factor f'(z_l) = 0, e.g. ReLU "
        "at a negative input), which a log scale cannot show."
    ),
    # clipping
    "act.clip.intro": (
        "Two ways to tame an exploding gradient. Clamping each component to [−c, c] "
        "(`clip_grad_value_`) bounds the entries but changes the direction; rescaling the whole "
        "vector to norm at most M (`clip_grad_norm_`) keeps the direction."
    ),
    "act.clip.n_label": "Components n",
    "act.clip.n_help": "Length of the random gradient vector.",
    "act.clip.scale_label": "Gradient scale",
    "act.clip.scale_help": "The gradient is this scale times a standard normal vector (seeded).",
    "act.clip.value_label": "Clamp value c",
    "act.clip.value_help": "clip_grad_value_ clamps every component to [−c, c].",
    "act.clip.norm_label": "Max norm M",
    "act.clip.norm_help": "clip_grad_norm_ rescales the gradient when its 2-norm exceeds M.",
    "act.clip.original": "original g",
    "act.clip.by_value": "clamped (clip_grad_value_)",
    "act.clip.by_norm": "rescaled (clip_grad_norm_)",
    "act.clip.chart": "Gradient components before and after clipping",
    "act.clip.gradient": "Gradient",
    "act.clip.norm": "‖g‖₂",
    "act.clip.cosine": "cosine with the original",
    "act.clip.caption": (
        "A cosine of 1 means the same direction. The dotted lines mark ±c. The norms are "
        "w.grad.norm(2) after each call."
    ),
    "act.axis.component": "component i",
    "act.axis.gradient": "g_i",
    # your own
    "act.custom.intro": (
        "Type an activation as a formula in x. It is read by a small parser that allows only "
        "numbers, x, arithmetic and a list of functions (never Python's eval), turned into "
        "torch operations, and differentiated by autograd."
    ),
    "act.custom.label": "f(x) =",
    "act.custom.help": "A formula in x, e.g. x * sigmoid(1.702 * x); at most 200 characters.",
    "act.custom.allowed": (
        "Allowed: numbers, x, pi, e, `+ - * / **` and the functions {functions} (min and max "
        "take two arguments)."
    ),
    "act.custom.examples": (
        "Try: `x * sigmoid(1.702 * x)` (approximates GELU), `max(x, 0.1 * x)` (Leaky ReLU), "
        "`log(1 + exp(x))` (Softplus), `x * tanh(softplus(x))` (Mish), `x / (1 + abs(x))`."
    ),
    "act.custom.ref_label": "Compare with",
    "act.custom.ref_help": "A built-in activation drawn next to yours.",
    "act.custom.none": "nothing",
    "act.custom.formula_caption": "f'(x) and f''(x) come from autograd: no closed form needed.",
    "act.custom.yours": "your f",
    "act.custom.chart": "Your activation and its derivative",
    "act.custom.summary": (
        "On the plotted range: f goes from **{low}** to **{high}**; the largest |f'(x)| is "
        "**{slope}** at x ≈ {at}."
    ),
    "act.custom.no_finite": "The formula gives no finite value on this range.",
    "act.custom.some_nonfinite": (
        "The formula is not finite everywhere on this range (e.g. log or sqrt of a negative "
        "number, or an overflow); those points are left out of the chart."
    ),
    # errors raised by core.activations, core.depth and core.expression
    "error.act_unknown": "Unknown activation {name}; choose one of: {names}.",
    "error.act_unknown_param": (
        "{activation} has no parameter {names}; its parameters: {allowed}."
    ),
    "error.act_param_positive": "{activation} {name} must be at least 0.001, got {value:g}.",
    "error.act_x_type": "x must be a tensor or numbers.",
    "error.act_x_not_finite": "x must contain only finite numbers; {count} entries are not.",
    "error.act_init": "Unknown initialisation {init}; choose one of: {inits}.",
    "error.act_grad": "The gradient must be a non-empty finite vector.",
    "error.act_curve_shapes": "The curves must be 1-D tensors of one length, got shapes {shapes}.",
    "error.act_grad_size": "The gradient must be a tensor of at most {limit} numbers.",
    "error.act_layers_shape": (
        "values must hold at least one layer of at least one value (shape (L, ...)), got shape "
        "{shape}."
    ),
    "error.expr_not_text": "The formula must be text.",
    "error.expr_variables": "The formula's variables must be distinct plain names.",
    "error.expr_arguments": "The formula takes the variables {variables}, one value each.",
    "error.expr_input": "The formula's inputs must be tensors or numbers.",
    "error.expr_eval": "Could not evaluate {text} on these inputs.",
    "error.expr_empty": "The formula is empty. " + _ALLOWED_EN,
    "error.expr_too_long": (
        "The formula has {length} characters; at most {limit} are allowed. " + _ALLOWED_EN
    ),
    "error.expr_character": "The character `{found}` at position {pos} is not allowed. "
    + _ALLOWED_EN,
    "error.expr_depth": "The formula is nested more than {limit} levels deep. " + _ALLOWED_EN,
    "error.expr_syntax": ("Could not read the formula at position {pos}: {detail}. " + _ALLOWED_EN),
    "error.expr_attribute": (
        "Attribute access is not allowed: `{found}` at position {pos}. " + _ALLOWED_EN
    ),
    "error.expr_subscript": "Indexing is not allowed: `{found}` at position {pos}. " + _ALLOWED_EN,
    "error.expr_lambda": "lambda is not allowed: `{found}` at position {pos}. " + _ALLOWED_EN,
    "error.expr_comprehension": (
        "Comprehensions are not allowed: `{found}` at position {pos}. " + _ALLOWED_EN
    ),
    "error.expr_string": "Text in quotes is not allowed: `{found}` at position {pos}. "
    + _ALLOWED_EN,
    "error.expr_construct": "This is not allowed: `{found}` at position {pos}. " + _ALLOWED_EN,
    "error.expr_constant": "Only real numbers are allowed: `{found}` at position {pos}. "
    + _ALLOWED_EN,
    "error.expr_not_finite": (
        "This is not a finite real number: `{found}` at position {pos}. " + _ALLOWED_EN
    ),
    "error.expr_uncalled": (
        "{name} is a function: write {name}(...) (`{found}` at position {pos}). " + _ALLOWED_EN
    ),
    "error.expr_name": "Unknown name: `{found}` at position {pos}. " + _ALLOWED_EN,
    "error.expr_operator": "This operator is not allowed: `{found}` at position {pos}. "
    + _ALLOWED_EN,
    "error.expr_exponent": (
        "Constant exponents are limited to ±{limit:g}; `{found}` at position {pos} is "
        "{value:g}. " + _ALLOWED_EN
    ),
    "error.expr_call": "Only the listed functions can be called: `{found}` at position {pos}. "
    + _ALLOWED_EN,
    "error.expr_function": "Unknown function: `{found}` at position {pos}. " + _ALLOWED_EN,
    "error.expr_keywords": (
        "Keyword arguments are not allowed: `{found}` at position {pos}. " + _ALLOWED_EN
    ),
    "error.expr_arity": (
        "{name} takes {arity} argument(s), got {given}: `{found}` at position {pos}. " + _ALLOWED_EN
    ),
}

ZH = {
    **_NAMES,
    "act.name.linear": "Identity（恒等）",
    "act.intro": (
        "为什么 sigmoid 让位给了 ReLU？下面每条曲线都由 PyTorch 计算，每个导数都来自 "
        "`torch.autograd`。先看导数几乎为零的地方（函数*饱和*），再看网络很深时链式法则"
        "如何把这些小因子连乘起来。"
    ),
    "act.tab.functions": "函数与导数",
    "act.tab.depth": "梯度随深度的变化",
    "act.tab.chain": "手算链式法则",
    "act.tab.clipping": "梯度裁剪",
    "act.tab.custom": "自定义激活函数",
    "act.functions.intro": (
        "选择要比较的激活函数。上图画出 f(x)，下图画出由自动微分得到的导数 f'(x)；阴影区域是 "
        "|f'(x)| < ε 的地方：反向传播经过该单元的梯度在那里几乎消失。"
    ),
    "act.fns.label": "激活函数",
    "act.fns.help": "最多选择 {n} 个激活函数一起画出。",
    "act.fns.none": "请在上方至少选择一个激活函数。",
    "act.xmax.label": "x 范围 ±",
    "act.xmax.help": "曲线在 x 从 −该值 到 +该值 的范围内绘制。",
    "act.eps.label": "饱和阈值 ε",
    "act.eps.help": "为满足 |f'(x)| < ε 的 x 加阴影：在那里该单元几乎不传递梯度。",
    "act.x0.label": "探测点 x₀",
    "act.x0.help": "下表所用的点：f(x₀)、自动微分的 f'(x₀) 和闭式导数 f'(x₀)。",
    "act.second.label": "显示 f''(x)",
    "act.second.help": "增加一幅二阶导数图，同样由自动微分得到。",
    "act.param.label": "{activation} 的参数 {param}",
    "act.param.help": "该激活函数的参数 {param}（{low:g} 到 {high:g}；PyTorch 默认值为 {default:g}）。",
    "act.functions.chart": "激活函数及其导数",
    "act.functions.caption": (
        "实线：f(x)；虚线：f'(x)；点线：f''(x)。着色的竖条：对应颜色的激活函数满足 "
        "|f'(x)| < {eps:g}。竖直点线是探测点 x₀。"
    ),
    "act.saturation.band": "|f'| < {eps:g}",
    "act.saturation.zone": "饱和：|f'(z)| < {eps:g}",
    "act.axis.f": "f(x)",
    "act.axis.df": "f'(x)",
    "act.axis.d2f": "f''(x)",
    "act.table.title": "**在探测点 x₀ = {x0:g} 处**",
    "act.table.activation": "激活函数",
    "act.table.f": "f(x₀)",
    "act.table.autograd": "f'(x₀) 自动微分",
    "act.table.closed": "f'(x₀) 闭式",
    "act.table.range": "值域",
    "act.table.max": "sup |f'|",
    "act.kink": (
        "**{activation}** 在 x = {x} 处不可导：左导数为 {left}，右导数为 {right}。"
        "PyTorch 的自动微分在该点返回 **{value}**。"
    ),
    "act.depth.intro": (
        "一个 L 层、宽度为 w、无偏置的全连接网络，权重按所选的初始化方法抽取。一批随机输入前向"
        "传播，损失（输出之和的均值）反向传播，然后测量每层权重的梯度。使用 sigmoid 且权重较小时，"
        "前几层几乎得不到梯度（梯度消失）；ReLU 配合 He 初始化时各层梯度范数保持同一量级。"
    ),
    "act.fn.label": "激活函数",
    "act.fn.help": "每一层使用的激活函数。",
    "act.depth.label": "深度 L",
    "act.depth.help": "层数（每层是一个 w × w 矩阵，后接激活函数）。",
    "act.width.label": "宽度 w",
    "act.width.help": "每层的单元数；输入也是同样的宽度。",
    "act.init.label": "初始化",
    "act.init.help": (
        "Xavier/Glorot：N(0, 2/(fan_in + fan_out))；He/Kaiming：N(0, 2/fan_in)，为 ReLU 设计；"
        "普通正态：N(0, σ²)，σ 在右侧设置。"
    ),
    "act.init.xavier": "Xavier / Glorot 初始化",
    "act.init.he": "He / Kaiming 初始化",
    "act.init.normal": "普通正态 N(0, σ²)",
    "act.sigma.label": "σ（普通正态）",
    "act.sigma.help": "权重的标准差；仅用于普通正态初始化。",
    "act.depth.formula_caption": (
        "反向传播每经过一层就乘上一个因子 W_l^T diag f'(z_l)：因子小时梯度在传向第一层的途中"
        "按几何级数缩小，因子大时则会爆炸。"
    ),
    "act.depth.first": "‖∂ℓ/∂W₁‖（第一层）",
    "act.depth.last": "‖∂ℓ/∂W_L‖（最后一层）",
    "act.depth.ratio": "第一层 / 最后一层",
    "act.depth.chart": "每层权重梯度的范数",
    "act.depth.hist_chart": "每层的预激活 z",
    "act.depth.hist_caption": (
        "每一行是某一层预激活在 {batch} 个输入（固定种子）上的直方图（超出范围的值计入两端的"
        "区间）。橙色区域：激活函数饱和的地方。"
    ),
    "act.axis.layer": "层 l",
    "act.axis.grad_norm": "‖∂ℓ/∂W_l‖（对数刻度）",
    "act.axis.z": "预激活 z",
    "act.axis.share": "占比",
    "act.chain.intro": (
        "一条穿过 L 层相同标量单元的路径：h_l = f(w h_(l-1))。链式法则使输出的导数成为 L 个局部"
        "因子 w f'(z_l) 的乘积，每个因子的大小至多为 |w| sup|f'|：对于 sigmoid 且 w = 1，即为 0.25^L。"
    ),
    "act.chain.depth_help": "该单元与自身复合的次数。",
    "act.chain.x0_label": "输入 x₀",
    "act.chain.x0_help": "路径的起点。",
    "act.chain.w_label": "权重 w",
    "act.chain.w_help": "每层相同的标量权重：z_l = w h_(l-1)。",
    "act.chain.formula_caption": (
        "乘积由闭式导数 f' 计算；自动微分通过反向传播计算同一个导数；虚线是上界。"
    ),
    "act.chain.by_hand": "w f'(z_l) 的乘积（手算）",
    "act.chain.autograd": "自动微分 ∂h_l/∂x₀",
    "act.chain.bound": "上界 (|w| sup|f'|)^l",
    "act.chain.chart": "经过 l 层的链式法则",
    "act.axis.chain": "|∂h_l/∂x₀|（对数刻度）",
    "act.chain.zero": (
        "缺失的点表示导数恰好为 0（某个因子 f'(z_l) = 0，例如 ReLU 的输入为负），对数刻度无法显示。"
    ),
    "act.clip.intro": (
        "驯服梯度爆炸的两种方法。把每个分量截断到 [−c, c]（`clip_grad_value_`）限制了各个分量，"
        "但改变了方向；把整个向量缩放到范数不超过 M（`clip_grad_norm_`）则保持方向不变。"
    ),
    "act.clip.n_label": "分量个数 n",
    "act.clip.n_help": "随机梯度向量的长度。",
    "act.clip.scale_label": "梯度尺度",
    "act.clip.scale_help": "梯度等于该尺度乘以一个标准正态向量（固定种子）。",
    "act.clip.value_label": "截断值 c",
    "act.clip.value_help": "clip_grad_value_ 把每个分量截断到 [−c, c]。",
    "act.clip.norm_label": "最大范数 M",
    "act.clip.norm_help": "当梯度的 2-范数超过 M 时，clip_grad_norm_ 将其按比例缩小。",
    "act.clip.original": "原始梯度 g",
    "act.clip.by_value": "按值截断（clip_grad_value_）",
    "act.clip.by_norm": "按范数缩放（clip_grad_norm_）",
    "act.clip.chart": "裁剪前后的梯度分量",
    "act.clip.gradient": "梯度",
    "act.clip.norm": "‖g‖₂",
    "act.clip.cosine": "与原始梯度的余弦",
    "act.clip.caption": ("余弦为 1 表示方向相同。点线标出 ±c。范数是每次调用后的 w.grad.norm(2)。"),
    "act.axis.component": "分量 i",
    "act.axis.gradient": "g_i",
    "act.custom.intro": (
        "用 x 的公式写一个激活函数。它由一个小型解析器读取，只允许数字、x、四则运算和一组函数"
        "（从不使用 Python 的 eval），转换为 torch 运算，并由自动微分求导。"
    ),
    "act.custom.label": "f(x) =",
    "act.custom.help": "一个关于 x 的公式，例如 x * sigmoid(1.702 * x)；最多 200 个字符。",
    "act.custom.allowed": (
        "允许：数字、x、pi、e、`+ - * / **` 以及函数 {functions}（min 和 max 接受两个参数）。"
    ),
    "act.custom.examples": (
        "试试：`x * sigmoid(1.702 * x)`（近似 GELU）、`max(x, 0.1 * x)`（Leaky ReLU）、"
        "`log(1 + exp(x))`（Softplus）、`x * tanh(softplus(x))`（Mish）、`x / (1 + abs(x))`。"
    ),
    "act.custom.ref_label": "对比",
    "act.custom.ref_help": "与你的函数一起画出的内置激活函数。",
    "act.custom.none": "无",
    "act.custom.formula_caption": "f'(x) 和 f''(x) 来自自动微分：无需闭式表达式。",
    "act.custom.yours": "你的 f",
    "act.custom.chart": "你的激活函数及其导数",
    "act.custom.summary": (
        "在所画范围内：f 从 **{low}** 到 **{high}**；|f'(x)| 的最大值为 **{slope}**，"
        "位于 x ≈ {at}。"
    ),
    "act.custom.no_finite": "该公式在此范围内没有有限值。",
    "act.custom.some_nonfinite": (
        "该公式在此范围内并非处处有限（例如对负数取 log 或 sqrt，或数值溢出）；这些点未画出。"
    ),
    "error.act_unknown": "未知的激活函数 {name}；可选：{names}。",
    "error.act_unknown_param": "{activation} 没有参数 {names}；它的参数为：{allowed}。",
    "error.act_param_positive": "{activation} 的 {name} 必须至少为 0.001，实际为 {value:g}。",
    "error.act_x_type": "x 必须是张量或数值。",
    "error.act_x_not_finite": "x 只能包含有限数；有 {count} 个元素不是。",
    "error.act_init": "未知的初始化方法 {init}；可选：{inits}。",
    "error.act_grad": "梯度必须是非空的有限向量。",
    "error.act_curve_shapes": "各条曲线必须是长度相同的一维张量，实际形状为 {shapes}。",
    "error.act_grad_size": "梯度必须是最多包含 {limit} 个数的张量。",
    "error.act_layers_shape": "values 必须至少包含一层、每层至少一个值（形状为 (L, ...)），实际形状为 {shape}。",
    "error.expr_not_text": "公式必须是文本。",
    "error.expr_variables": "公式的变量必须是互不相同的普通名称。",
    "error.expr_arguments": "该公式的变量为 {variables}，每个变量需要一个值。",
    "error.expr_input": "公式的输入必须是张量或数值。",
    "error.expr_eval": "无法在这些输入上计算 {text}。",
    "error.expr_empty": "公式为空。" + _ALLOWED_ZH,
    "error.expr_too_long": "公式有 {length} 个字符；最多允许 {limit} 个。" + _ALLOWED_ZH,
    "error.expr_character": "第 {pos} 个字符 `{found}` 不被允许。" + _ALLOWED_ZH,
    "error.expr_depth": "公式的嵌套超过了 {limit} 层。" + _ALLOWED_ZH,
    "error.expr_syntax": "无法读取公式，问题在第 {pos} 个字符：{detail}。" + _ALLOWED_ZH,
    "error.expr_attribute": "不允许访问属性：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_subscript": "不允许索引：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_lambda": "不允许 lambda：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_comprehension": "不允许推导式：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_string": "不允许引号中的文本：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_construct": "不允许这种写法：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_constant": "只允许实数：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_not_finite": "这不是有限实数：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_uncalled": (
        "{name} 是函数：请写成 {name}(...)（第 {pos} 个字符处的 `{found}`）。" + _ALLOWED_ZH
    ),
    "error.expr_name": "未知的名称：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_operator": "不允许该运算符：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_exponent": (
        "常数指数的绝对值不能超过 {limit:g}；第 {pos} 个字符处的 `{found}` 等于 {value:g}。"
        + _ALLOWED_ZH
    ),
    "error.expr_call": "只能调用列出的函数：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_function": "未知的函数：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_keywords": "不允许关键字参数：第 {pos} 个字符处的 `{found}`。" + _ALLOWED_ZH,
    "error.expr_arity": (
        "{name} 接受 {arity} 个参数，实际给了 {given} 个：第 {pos} 个字符处的 `{found}`。"
        + _ALLOWED_ZH
    ),
}
