"""The gradient-descent page: the gradient at a point, descents with torch.optim, basins."""

EN = {
    "gd.intro": (
        "The gradient is a vector: it points uphill, and its length is the slope. Gradient "
        "descent walks the other way, a step of *learning rate × gradient* at a time. Every "
        "value, gradient and Hessian below is computed by `torch.autograd`, and every descent "
        "is a `torch.optim` optimiser stepping a parameter tensor θ = (x, y): what you see is "
        "what PyTorch does."
    ),
    "gd.tab.gradient": "Gradient and curvature",
    "gd.tab.descent": "Descent",
    "gd.tab.basins": "Basins of attraction",
    # the surface
    "gd.surface.label": "Surface f(x, y)",
    "gd.surface.help": (
        "The loss surface of two parameters: a convex bowl, Rosenbrock's valley, surfaces with "
        "several minima, two saddles, or your own formula."
    ),
    "gd.surface.bowl": "Convex bowl",
    "gd.surface.rosenbrock": "Rosenbrock valley",
    "gd.surface.himmelblau": "Himmelblau (four minima)",
    "gd.surface.gaussians": "Sum of Gaussian wells",
    "gd.surface.saddle": "Saddle x² − y²",
    "gd.surface.monkey_saddle": "Monkey saddle x³ − 3xy²",
    "gd.surface.typed": "Your own f(x, y)",
    "gd.surface.bowl.caption": (
        "A quadratic bowl with Hessian diag(1, κ): κ is its condition number, the ratio of its "
        "steepest to its flattest curvature. One minimum, at (0, 0)."
    ),
    "gd.surface.rosenbrock.caption": (
        "A long, curved, flat-bottomed valley: easy to fall into, slow to follow. The only "
        "minimum is at (1, 1), where f = 0."
    ),
    "gd.surface.himmelblau.caption": (
        "Four minima, all with f = 0, one local maximum and four saddle points: where descent "
        "ends depends on where it starts."
    ),
    "gd.surface.gaussians.caption": (
        "Three Gaussian wells of different depths on a gentle bowl: one global minimum and two "
        "local ones."
    ),
    "gd.surface.saddle.caption": (
        "The gradient vanishes at (0, 0), yet it is no minimum: f curves up along x and down "
        "along y, and has no lower bound."
    ),
    "gd.surface.monkey_saddle.caption": (
        "At (0, 0) the gradient and the whole Hessian vanish: three valleys meet three ridges, "
        "and second derivatives cannot tell what the point is."
    ),
    "gd.surface.typed.caption": (
        "Your formula, read by the same safe parser as the activations page: nothing typed is "
        "run as Python."
    ),
    "gd.kappa.label": "Condition number κ",
    "gd.kappa.help": (
        "The bowl is f = (x² + κ y²) / 2. Its Hessian is diag(1, κ), so its largest curvature "
        "is L = max(1, κ): a larger κ means a narrower valley and a smaller stable learning "
        "rate."
    ),
    "gd.expr.label": "f(x, y) =",
    "gd.expr.help": (
        "A formula in x and y, e.g. sin(x) * cos(y) + 0.1 * (x**2 + y**2). Allowed: numbers, "
        "x, y, pi, e, + - * / ** and the functions {functions}."
    ),
    "gd.width.label": "Window ±",
    "gd.width.help": "The map shows x and y from minus this value to this value.",
    "gd.3d.label": "3D surface",
    "gd.3d.help": "Also draw f as a 3D surface (drag to turn it) below the map.",
    "gd.3d.chart": "f(x, y) as a surface",
    "gd.3d.caption": (
        "The surface is cut where f exceeds the 90th percentile of its values on the grid, so "
        "that steep walls do not flatten the rest."
    ),
    # the gradient at a point
    "gd.grad.intro": (
        "Click the map (or type a point) to see the gradient there: its two partial "
        "derivatives, its direction (the red arrow, uphill) and its length. The grey arrows "
        "show −∇f everywhere: the way a small step of gradient descent goes. The Hessian's "
        "eigenvectors through the point show where f curves up (green) and where it curves "
        "down (purple, dashed)."
    ),
    "gd.grad.formula_caption": (
        "∇f points in the direction of steepest ascent, and ‖∇f‖ is the slope along it. The "
        "Hessian H holds the second derivatives; its eigenvalues are the curvatures along its "
        "eigenvectors."
    ),
    "gd.grad.chart": "Contours of f and the steepest-descent field −∇f",
    "gd.grad.caption": (
        "Grey arrows: the direction of −∇f (all of the same length; the slope is in the "
        "numbers on the right). They cross the contour lines at right angles. Click anywhere "
        "on the map to move the point."
    ),
    "gd.point.title": "The point",
    "gd.probe.x": "x",
    "gd.probe.y": "y",
    "gd.probe.help": (
        "The point where the gradient and the Hessian are evaluated; a click on the map sets "
        "it too."
    ),
    "gd.point.f.help": "The value of f at the point.",
    "gd.point.norm.help": (
        "The length of the gradient: the slope of f in its steepest direction. It is 0 at a "
        "critical point (a minimum, a maximum or a saddle); the point counts as one when a "
        "Newton step from it, |H⁻¹∇f|, is shorter than 1/1000 of the window's diagonal."
    ),
    "gd.point.eig.help": (
        "The Hessian's eigenvalues, smallest first: the curvature of f along its two principal "
        "directions."
    ),
    "gd.critical.convex": (
        "Local minimum: ∇f ≈ 0 and f curves up in every direction (both eigenvalues > 0)."
    ),
    "gd.critical.concave": (
        "Local maximum: ∇f ≈ 0 and f curves down in every direction (both eigenvalues < 0)."
    ),
    "gd.critical.saddle": (
        "Saddle point: ∇f ≈ 0, yet f curves up along one eigenvector and down along the other "
        "(eigenvalues of opposite signs). It is no minimum."
    ),
    "gd.critical.flat": (
        "Degenerate critical point: ∇f ≈ 0 and an eigenvalue is 0, so second derivatives "
        "cannot tell a minimum from a saddle (the monkey saddle's centre is one)."
    ),
    "gd.not_critical": (
        "Not a critical point: ∇f ≠ 0, so a gradient step moves on. Around here f {shape}."
    ),
    "gd.shape.convex": "curves up in every direction (locally convex)",
    "gd.shape.concave": "curves down in every direction (locally concave)",
    "gd.shape.saddle": "curves up one way and down the other (saddle-shaped)",
    "gd.shape.flat": "is flat along one direction (an eigenvalue is 0)",
    "gd.saddle.explain": (
        "**Why saddles matter.** At a saddle the gradient vanishes, so gradient descent slows "
        "to a crawl near one. It leaves only along the direction of negative curvature, and "
        "only as fast as the small part of θ along that direction grows. In a network with "
        "millions of parameters most critical points are saddles rather than local minima; "
        "momentum and the noise of stochastic gradients help to get past them."
    ),
    "gd.outside": "The point lies outside the drawn window.",
    "gd.gaps.overflow": (
        "f is too large to draw on {share}% of this window: there |f| passes {limit}, the "
        "largest number a float64 holds, and becomes infinite. The map leaves those points "
        "blank. Keep f finite with a smaller expression, or zoom in with a smaller half-width."
    ),
    "gd.gaps.undefined": (
        "f is undefined (NaN) on {share}% of this window, e.g. the log or square root of a "
        "negative number, or 0 · ∞: the map leaves those points blank."
    ),
    "gd.gaps.nowhere": (
        "f has no finite value anywhere on this window: it is undefined, or beyond ±{limit} "
        "(the largest number a float64 holds), at every point, so there is nothing to draw. "
        "Change the formula, or the half-width to look at another window."
    ),
    "gd.chart.field": "−∇f (direction)",
    "gd.chart.gradient": "∇f at the point (uphill)",
    "gd.chart.curves.convex": "curves up (λ > 0)",
    "gd.chart.curves.concave": "curves down (λ < 0)",
    "gd.chart.curves.flat": "flat (λ = 0)",
    "gd.chart.probe": "the point",
    "gd.chart.start": "start θ₀",
    "gd.chart.minima": "known minima",
    "gd.chart.minima_reached": "minima reached",
    "gd.chart.click": "click to choose this point",
    # descent
    "gd.descent.intro": (
        "Choose optimisers, a learning rate η and a number of steps; all start from the same "
        "θ₀ (click the map to move it). Each is a `torch.optim` optimiser stepping a parameter "
        "tensor θ = (x, y). A run stops, with a message, when |θ| grows beyond 10⁶ or f stops "
        "being finite."
    ),
    "gd.opts.label": "Optimisers",
    "gd.opts.help": (
        "Run several from the same start: plain gradient descent (torch.optim.SGD), SGD with "
        "momentum, with Nesterov momentum, RMSprop and Adam."
    ),
    "gd.opts.none": "Choose at least one optimiser above.",
    "gd.opt.gd": "Gradient descent",
    "gd.opt.momentum": "Momentum",
    "gd.opt.nesterov": "Nesterov momentum",
    "gd.opt.rmsprop": "RMSprop",
    "gd.opt.adam": "Adam",
    "gd.lr.label": "Learning rate η",
    "gd.lr.help": (
        "The step size (log scale). On a quadratic, plain gradient descent converges only if "
        "η < 2 / L, where L is the Hessian's largest eigenvalue."
    ),
    "gd.steps.label": "Steps",
    "gd.steps.help": "How many optimiser steps to take.",
    "gd.beta1.label": "Momentum β₁",
    "gd.beta1.help": (
        "The momentum of SGD (β₁ in b ← β₁ b + g), of Nesterov momentum, and Adam's β₁. "
        "0 turns momentum off."
    ),
    "gd.beta2.label": "β₂",
    "gd.beta2.help": "The decay of the running average of g²: Adam's β₂ and RMSprop's α.",
    "gd.start.x": "start x₀",
    "gd.start.y": "start y₀",
    "gd.start.help": "Where every optimiser starts; a click on the map sets it too.",
    "gd.descent.formula_caption": (
        "PyTorch's update rules, with g_t = ∇f(θ_t); the buffers b, m and v start at 0."
    ),
    "gd.descent.chart": "Descent paths on the contours of f",
    "gd.descent.caption": (
        "Each dot is one step. Momentum builds up speed along a valley and carries it across; "
        "Adam and RMSprop divide each coordinate's step by its running gradient size, so their "
        "steps are about η long whatever the slope."
    ),
    "gd.loss.chart": "Loss per step",
    "gd.loss.x": "step t",
    "gd.loss.y": "f(θ_t)",
    "gd.loss.y_gap": "f(θ_t) − f*   (f* = {f_min})",
    "gd.loss.caption_log": (
        "Log scale: the distance to the minimum value f*. Values below {floor} are drawn at "
        "{floor}."
    ),
    "gd.bowl.note.below": (
        "On this bowl the Hessian is the same everywhere, so L = {L}, its largest eigenvalue. "
        "Plain gradient descent converges if and only if η < 2/L = {bound}; with momentum "
        "β₁ = {beta} the limit is 2(1 + β₁)/L = {momentum}. Your η = {lr} is below 2/L."
    ),
    "gd.bowl.note.above": (
        "On this bowl the Hessian is the same everywhere, so L = {L}, its largest eigenvalue. "
        "Plain gradient descent converges if and only if η < 2/L = {bound}; with momentum "
        "β₁ = {beta} the limit is 2(1 + β₁)/L = {momentum}. Your η = {lr} is not below 2/L: "
        "along the steepest direction every step overshoots the minimum by at least as much "
        "as the one before."
    ),
    "gd.bound.gd": (
        "At the start the Hessian's largest eigenvalue is L = {L}; on a quadratic with that "
        "curvature, gradient descent needs η < 2/L = {bound}."
    ),
    "gd.bound.momentum": (
        "At the start the Hessian's largest eigenvalue is L = {L}; on a quadratic with that "
        "curvature, momentum with β₁ = {beta} needs η < 2(1 + β₁)/L = {bound}."
    ),
    "gd.bound.nesterov": (
        "At the start the Hessian's largest eigenvalue is L = {L}; on a quadratic with that "
        "curvature, Nesterov momentum with β₁ = {beta} needs η < 2(1 + β₁)/((1 + 2β₁) L) "
        "= {bound}."
    ),
    "gd.bound.adaptive": (
        "Adaptive methods divide by a running gradient size, so no fixed 2/L bound applies "
        "(L = {L} at the start): lower η."
    ),
    "gd.bound.none": (
        "f does not curve up at the start (largest Hessian eigenvalue L = {L}), so no 2/L "
        "bound applies there: the growth comes from further along the path. Lower η."
    ),
    "gd.status.diverged": (
        "**{opt}** diverged after {k} steps: |θ| passed 10⁶ (last point ({x}, {y})). Each step "
        "overshot by more than the last: η = {lr} is too large for the curvature."
    ),
    "gd.status.unbounded": (
        "**{opt}** ran off after {k} steps, to ({x}, {y}), with f falling without bound: this "
        "surface has no minimum that way, and descent keeps going downhill."
    ),
    "gd.status.undefined": (
        "**{opt}** stopped after {k} steps at ({x}, {y}): f or its gradient is not finite there "
        "(outside the formula's domain)."
    ),
    "gd.status.short.finished": "ran all steps",
    "gd.status.short.diverged": "diverged",
    "gd.status.short.unbounded": "f → −∞",
    "gd.status.short.undefined": "stopped: f undefined",
    "gd.table.opt": "Optimiser",
    "gd.table.steps": "Steps",
    "gd.table.end": "Last θ",
    "gd.table.f": "f(θ)",
    "gd.table.status": "Outcome",
    # basins of attraction
    "gd.basins.intro": (
        "Initialisation decides where descent ends. Each square is a start θ₀ on an n × n "
        "grid, coloured by the minimum its descent reaches. All n² descents run at once, as "
        "one (n², 2) parameter tensor whose loss is the sum over its rows: that is exactly n² "
        "separate descents, because each row's gradient is its own and these optimisers "
        "update element by element."
    ),
    "gd.basins.opt.label": "Optimiser",
    "gd.basins.opt.help": (
        "The torch.optim optimiser run from every start (RMSprop's α and Adam's β₂ are 0.999 here)."
    ),
    "gd.basins.n.label": "Grid n × n",
    "gd.basins.n.help": "The number of starts along each axis.",
    "gd.basins.formula_caption": (
        "The basin of attraction of a minimum θ* is the set of starts from which descent ends "
        "at θ*. A descent has reached a minimum when Newton's method, started from its last "
        "point, settles on a minimum less than 3% of the window's diagonal away."
    ),
    "gd.basins.chart": "Basins of attraction ({opt})",
    "gd.basins.caption": (
        "Colours: the minimum each start's descent reaches (marked ×). Light grey: no minimum "
        "reached when the steps ran out (still moving, or stuck at a saddle); black: diverged; "
        "dark grey: ran off to f → −∞."
    ),
    "gd.basins.minimum": "({x}, {y}), f = {f}, {where}: {share}%",
    "gd.basins.known": "known minimum",
    "gd.basins.found": "found",
    "gd.basins.outcome.diverged": "diverged: {share}%",
    "gd.basins.outcome.unbounded": "f → −∞: {share}%",
    "gd.basins.outcome.undefined": "f undefined: {share}%",
    "gd.basins.outcome.elsewhere": "no minimum reached: {share}%",
    "gd.basins.outcome.other": "other minima: {share}%",
    # errors raised by core.optim and core.surfaces
    "error.gd_surface": "Unknown surface {name}; choose one of {options}.",
    "error.gd_bounds": (
        "bounds must be four numbers (x_lo, x_hi, y_lo, y_hi) with x_lo < x_hi and "
        "y_lo < y_hi, got {bounds}."
    ),
    "error.gd_no_eigenvalues": "The Hessian has no eigenvalues to classify.",
    "error.gd_optimizer": "Unknown optimiser {name}; choose one of {options}.",
    "error.gd_point_undefined": (
        "f or its derivatives are not finite at ({x}, {y}); choose another point."
    ),
    "error.gd_start_undefined": (
        "f or its gradient is not finite at the start ({x}, {y}); choose another start."
    ),
    "error.gd_curvature_undefined": (
        "The curvature of f (its Hessian) is not finite at ({x}, {y})."
    ),
}

ZH = {
    "gd.intro": (
        "梯度是一个向量：它指向上坡方向，其长度就是坡度。梯度下降朝相反方向走，每步走"
        "*学习率 × 梯度*。下面所有的函数值、梯度和 Hessian 矩阵都由 `torch.autograd` 计算，"
        "每次下降都是一个 `torch.optim` 优化器在更新参数张量 θ = (x, y)：所见即 PyTorch 所做。"
    ),
    "gd.tab.gradient": "梯度与曲率",
    "gd.tab.descent": "下降过程",
    "gd.tab.basins": "吸引域",
    # the surface
    "gd.surface.label": "曲面 f(x, y)",
    "gd.surface.help": (
        "两个参数的损失曲面：凸碗面、Rosenbrock 山谷、有多个极小值的曲面、两种鞍面，或你自己的公式。"
    ),
    "gd.surface.bowl": "凸碗面",
    "gd.surface.rosenbrock": "Rosenbrock 山谷",
    "gd.surface.himmelblau": "Himmelblau（四个极小值）",
    "gd.surface.gaussians": "高斯凹陷之和",
    "gd.surface.saddle": "鞍面 x² − y²",
    "gd.surface.monkey_saddle": "猴鞍面 x³ − 3xy²",
    "gd.surface.typed": "自定义 f(x, y)",
    "gd.surface.bowl.caption": (
        "Hessian 矩阵为 diag(1, κ) 的二次碗面：κ 是它的条件数，即最陡与最平方向曲率之比。"
        "唯一的极小值在 (0, 0)。"
    ),
    "gd.surface.rosenbrock.caption": (
        "一条细长、弯曲、谷底平坦的山谷：容易落入，却很难沿着走下去。唯一的极小值在 (1, 1)，"
        "此处 f = 0。"
    ),
    "gd.surface.himmelblau.caption": (
        "四个极小值（f 都等于 0）、一个局部极大值和四个鞍点：下降停在哪里取决于从哪里出发。"
    ),
    "gd.surface.gaussians.caption": (
        "平缓碗面上三个深浅不同的高斯凹陷：一个全局最小值和两个局部极小值。"
    ),
    "gd.surface.saddle.caption": (
        "梯度在 (0, 0) 处为零，但这里不是极小值：f 沿 x 方向向上弯、沿 y 方向向下弯，且没有下界。"
    ),
    "gd.surface.monkey_saddle.caption": (
        "在 (0, 0) 处梯度和整个 Hessian 矩阵都为零：三条山谷与三条山脊在此相交，二阶导数无法判断这个点的类型。"
    ),
    "gd.surface.typed.caption": (
        "你的公式由与激活函数页面相同的安全解析器读取：输入的内容绝不会作为 Python 代码运行。"
    ),
    "gd.kappa.label": "条件数 κ",
    "gd.kappa.help": (
        "碗面为 f = (x² + κ y²) / 2。其 Hessian 矩阵为 diag(1, κ)，最大曲率为 L = max(1, κ)："
        "κ 越大，山谷越窄，稳定的学习率越小。"
    ),
    "gd.expr.label": "f(x, y) =",
    "gd.expr.help": (
        "关于 x 和 y 的公式，例如 sin(x) * cos(y) + 0.1 * (x**2 + y**2)。允许的写法：数字、x、y、"
        "pi、e、+ - * / ** 以及函数 {functions}。"
    ),
    "gd.width.label": "窗口 ±",
    "gd.width.help": "地图显示的 x 和 y 范围：从该数值的相反数到该数值。",
    "gd.3d.label": "三维曲面",
    "gd.3d.help": "在地图下方另画出 f 的三维曲面（可拖动旋转）。",
    "gd.3d.chart": "f(x, y) 的曲面",
    "gd.3d.caption": (
        "曲面在 f 超过网格上取值的第 90 百分位数处被截断，以免陡峭的边缘把其余部分压平。"
    ),
    # the gradient at a point
    "gd.grad.intro": (
        "点击地图（或输入一个点）查看该处的梯度：两个偏导数、方向（红色箭头，指向上坡）和长度。"
        "灰色箭头画出各处的 −∇f：梯度下降小步前进的方向。过该点的 Hessian 矩阵特征向量显示 f "
        "向上弯（绿色）和向下弯（紫色虚线）的方向。"
    ),
    "gd.grad.formula_caption": (
        "∇f 指向上升最快的方向，‖∇f‖ 是沿该方向的坡度。Hessian 矩阵 H 由二阶导数组成；"
        "它的特征值是沿各特征向量方向的曲率。"
    ),
    "gd.grad.chart": "f 的等高线与最速下降场 −∇f",
    "gd.grad.caption": (
        "灰色箭头：−∇f 的方向（长度相同；坡度见右侧数值）。它们与等高线垂直相交。"
        "点击地图任意位置即可移动该点。"
    ),
    "gd.point.title": "该点",
    "gd.probe.x": "x",
    "gd.probe.y": "y",
    "gd.probe.help": "计算梯度和 Hessian 矩阵的点；点击地图也可设置。",
    "gd.point.f.help": "f 在该点的值。",
    "gd.point.norm.help": (
        "梯度的长度：f 沿最陡方向的坡度。在临界点（极小值、极大值或鞍点）处为 0；"
        "当从该点出发的牛顿步 |H⁻¹∇f| 短于窗口对角线的 1/1000 时，就把它视为临界点。"
    ),
    "gd.point.eig.help": "Hessian 矩阵的特征值（从小到大）：f 沿两个主方向的曲率。",
    "gd.critical.convex": "局部极小值：∇f ≈ 0，且 f 在各个方向都向上弯（两个特征值都 > 0）。",
    "gd.critical.concave": "局部极大值：∇f ≈ 0，且 f 在各个方向都向下弯（两个特征值都 < 0）。",
    "gd.critical.saddle": (
        "鞍点：∇f ≈ 0，但 f 沿一个特征向量向上弯、沿另一个向下弯（特征值异号）。它不是极小值。"
    ),
    "gd.critical.flat": (
        "退化临界点：∇f ≈ 0 且有一个特征值为 0，二阶导数无法区分极小值和鞍点（猴鞍面的中心就是这样的点）。"
    ),
    "gd.not_critical": "不是临界点：∇f ≠ 0，梯度下降的一步会继续前进。在这附近 f {shape}。",
    "gd.shape.convex": "在各个方向都向上弯（局部为凸）",
    "gd.shape.concave": "在各个方向都向下弯（局部为凹）",
    "gd.shape.saddle": "一个方向向上弯、另一个方向向下弯（鞍形）",
    "gd.shape.flat": "沿某个方向是平的（有一个特征值为 0）",
    "gd.saddle.explain": (
        "**为什么鞍点很重要。** 鞍点处梯度为零，所以梯度下降在其附近会变得极慢。它只能沿负曲率方向离开，"
        "而且离开的速度取决于 θ 在该方向上的微小分量增长得多快。在拥有数百万参数的网络中，大多数临界点"
        "是鞍点而不是局部极小值；动量和随机梯度的噪声有助于越过它们。"
    ),
    "gd.outside": "该点位于所画窗口之外。",
    "gd.gaps.overflow": (
        "f 在此窗口的 {share}% 上太大而无法绘制：那里 |f| 超过 float64 能表示的最大数 {limit}，"
        "变成了无穷大。图上这些点留空。请用更小的表达式让 f 保持有限，或减小半宽以放大查看。"
    ),
    "gd.gaps.undefined": (
        "f 在此窗口的 {share}% 上没有定义（NaN），例如负数的对数或平方根，或 0 · ∞：图上这些点留空。"
    ),
    "gd.gaps.nowhere": (
        "f 在此窗口内处处都不是有限值：每一点上它要么没有定义，要么超出 ±{limit}"
        "（float64 能表示的最大数），因此没有可画的内容。请修改公式，或调整半宽以查看另一个窗口。"
    ),
    "gd.chart.field": "−∇f（方向）",
    "gd.chart.gradient": "该点的 ∇f（上坡）",
    "gd.chart.curves.convex": "向上弯（λ > 0）",
    "gd.chart.curves.concave": "向下弯（λ < 0）",
    "gd.chart.curves.flat": "平坦（λ = 0）",
    "gd.chart.probe": "该点",
    "gd.chart.start": "起点 θ₀",
    "gd.chart.minima": "已知极小值",
    "gd.chart.minima_reached": "到达的极小值",
    "gd.chart.click": "点击选择此点",
    # descent
    "gd.descent.intro": (
        "选择优化器、学习率 η 和步数；它们都从同一个 θ₀ 出发（点击地图可移动起点）。每个都是一个 "
        "`torch.optim` 优化器，更新参数张量 θ = (x, y)。当 |θ| 超过 10⁶ 或 f 不再有限时，"
        "运行会停止并给出说明。"
    ),
    "gd.opts.label": "优化器",
    "gd.opts.help": (
        "从同一起点同时运行多个：普通梯度下降（torch.optim.SGD）、带动量的 SGD、Nesterov 动量、"
        "RMSProp 和 Adam。"
    ),
    "gd.opts.none": "请在上方至少选择一个优化器。",
    "gd.opt.gd": "梯度下降",
    "gd.opt.momentum": "动量法",
    "gd.opt.nesterov": "Nesterov 动量",
    "gd.opt.rmsprop": "RMSProp",
    "gd.opt.adam": "Adam",
    "gd.lr.label": "学习率 η",
    "gd.lr.help": (
        "步长（对数刻度）。在二次函数上，只有当 η < 2 / L 时普通梯度下降才收敛，"
        "其中 L 是 Hessian 矩阵的最大特征值。"
    ),
    "gd.steps.label": "步数",
    "gd.steps.help": "优化器要走多少步。",
    "gd.beta1.label": "动量 β₁",
    "gd.beta1.help": (
        "SGD 的动量（b ← β₁ b + g 中的 β₁）、Nesterov 动量，以及 Adam 的 β₁。取 0 即关闭动量。"
    ),
    "gd.beta2.label": "β₂",
    "gd.beta2.help": "g² 滑动平均的衰减率：Adam 的 β₂ 和 RMSProp 的 α。",
    "gd.start.x": "起点 x₀",
    "gd.start.y": "起点 y₀",
    "gd.start.help": "所有优化器的起点；点击地图也可设置。",
    "gd.descent.formula_caption": "PyTorch 的更新规则，g_t = ∇f(θ_t)；缓冲量 b、m 和 v 从 0 开始。",
    "gd.descent.chart": "f 的等高线上的下降路径",
    "gd.descent.caption": (
        "每个点是一步。动量沿山谷积累速度，并带着它冲过谷底；Adam 和 RMSProp 把每个坐标的步长除以"
        "该坐标梯度大小的滑动估计，所以无论坡度如何，它们的步长都约为 η。"
    ),
    "gd.loss.chart": "每一步的损失",
    "gd.loss.x": "步 t",
    "gd.loss.y": "f(θ_t)",
    "gd.loss.y_gap": "f(θ_t) − f*   （f* = {f_min}）",
    "gd.loss.caption_log": "对数刻度：与最小值 f* 的差距。小于 {floor} 的值画在 {floor} 处。",
    "gd.bowl.note.below": (
        "这个碗面的 Hessian 矩阵处处相同，所以 L = {L}，即它的最大特征值。普通梯度下降收敛"
        "当且仅当 η < 2/L = {bound}；动量 β₁ = {beta} 时上限为 2(1 + β₁)/L = {momentum}。"
        "你的 η = {lr} 小于 2/L。"
    ),
    "gd.bowl.note.above": (
        "这个碗面的 Hessian 矩阵处处相同，所以 L = {L}，即它的最大特征值。普通梯度下降收敛"
        "当且仅当 η < 2/L = {bound}；动量 β₁ = {beta} 时上限为 2(1 + β₁)/L = {momentum}。"
        "你的 η = {lr} 不小于 2/L：沿最陡方向，每一步越过极小值的距离至少与上一步一样大。"
    ),
    "gd.bound.gd": (
        "起点处 Hessian 矩阵的最大特征值为 L = {L}；在具有这一曲率的二次函数上，"
        "梯度下降需要 η < 2/L = {bound}。"
    ),
    "gd.bound.momentum": (
        "起点处 Hessian 矩阵的最大特征值为 L = {L}；在具有这一曲率的二次函数上，"
        "β₁ = {beta} 的动量法需要 η < 2(1 + β₁)/L = {bound}。"
    ),
    "gd.bound.nesterov": (
        "起点处 Hessian 矩阵的最大特征值为 L = {L}；在具有这一曲率的二次函数上，"
        "β₁ = {beta} 的 Nesterov 动量需要 η < 2(1 + β₁)/((1 + 2β₁) L) = {bound}。"
    ),
    "gd.bound.adaptive": (
        "自适应方法会除以梯度大小的滑动估计，因此没有固定的 2/L 上限（起点处 L = {L}）：请减小 η。"
    ),
    "gd.bound.none": (
        "f 在起点处并不向上弯（Hessian 矩阵最大特征值 L = {L}），那里没有 2/L 上限：增长来自路径"
        "更远的地方。请减小 η。"
    ),
    "gd.status.diverged": (
        "**{opt}** 在 {k} 步后发散：|θ| 超过了 10⁶（最后一个点 ({x}, {y})）。每一步都比上一步越过得更远："
        "η = {lr} 对这里的曲率来说太大了。"
    ),
    "gd.status.unbounded": (
        "**{opt}** 在 {k} 步后跑到了 ({x}, {y})，f 无下界地减小：这个曲面在那个方向上没有极小值，"
        "下降会一直向下走。"
    ),
    "gd.status.undefined": (
        "**{opt}** 在 {k} 步后停在 ({x}, {y})：那里的 f 或其梯度不是有限值（超出了公式的定义域）。"
    ),
    "gd.status.short.finished": "走完全部步数",
    "gd.status.short.diverged": "发散",
    "gd.status.short.unbounded": "f → −∞",
    "gd.status.short.undefined": "停止：f 无定义",
    "gd.table.opt": "优化器",
    "gd.table.steps": "步数",
    "gd.table.end": "最后的 θ",
    "gd.table.f": "f(θ)",
    "gd.table.status": "结果",
    # basins of attraction
    "gd.basins.intro": (
        "初始化决定了下降停在哪里。每个方格是 n × n 网格上的一个起点 θ₀，颜色表示从它出发的下降到达"
        "哪个极小值。所有 n² 次下降同时运行，作为一个 (n², 2) 的参数张量，其损失是各行之和：这与 n² "
        "次单独的下降完全相同，因为每一行的梯度只属于它自己，而这些优化器逐元素更新。"
    ),
    "gd.basins.opt.label": "优化器",
    "gd.basins.opt.help": "从每个起点运行的 torch.optim 优化器（此处 RMSProp 的 α 和 Adam 的 β₂ 为 0.999）。",
    "gd.basins.n.label": "网格 n × n",
    "gd.basins.n.help": "每个坐标轴上的起点个数。",
    "gd.basins.formula_caption": (
        "极小值 θ* 的吸引域是所有使下降停在 θ* 的起点的集合。当从最后一个点出发的牛顿法收敛到一个"
        "距离小于窗口对角线 3% 的极小值时，就认为下降到达了极小值。"
    ),
    "gd.basins.chart": "吸引域（{opt}）",
    "gd.basins.caption": (
        "颜色：每个起点的下降到达的极小值（用 × 标出）。浅灰：步数用完时还没有到达极小值"
        "（仍在移动，或卡在鞍点）；黑色：发散；深灰：跑向 f → −∞。"
    ),
    "gd.basins.minimum": "({x}, {y})，f = {f}，{where}：{share}%",
    "gd.basins.known": "已知极小值",
    "gd.basins.found": "找到的",
    "gd.basins.outcome.diverged": "发散：{share}%",
    "gd.basins.outcome.unbounded": "f → −∞：{share}%",
    "gd.basins.outcome.undefined": "f 无定义：{share}%",
    "gd.basins.outcome.elsewhere": "未到达极小值：{share}%",
    "gd.basins.outcome.other": "其他极小值：{share}%",
    # errors raised by core.optim and core.surfaces
    "error.gd_surface": "未知的曲面 {name}；可选：{options}。",
    "error.gd_bounds": "bounds 必须是四个数 (x_lo, x_hi, y_lo, y_hi)，且 x_lo < x_hi、y_lo < y_hi，实际为 {bounds}。",
    "error.gd_no_eigenvalues": "黑塞矩阵没有可用于分类的特征值。",
    "error.gd_optimizer": "未知的优化器 {name}；可选：{options}。",
    "error.gd_point_undefined": "f 或其导数在 ({x}, {y}) 处不是有限值；请换一个点。",
    "error.gd_start_undefined": "f 或其梯度在起点 ({x}, {y}) 处不是有限值；请换一个起点。",
    "error.gd_curvature_undefined": "f 的曲率（其 Hessian 矩阵）在 ({x}, {y}) 处不是有限值。",
}
