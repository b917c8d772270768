"""Long computations shared between sessions (ui.shared_runs): waiting for another session's
run or for a free slot on the server."""

EN = {
    "shared.progress": (
        "Another session is computing exactly this; its result will be shown here too: "
        "step {step} of {total}"
    ),
    "shared.queued": "The server is busy with other computations; this one starts soon…",
}

ZH = {
    "shared.progress": "另一个会话正在计算完全相同的内容，结果也会显示在这里：第 {step} 步，共 {total} 步",
    "shared.queued": "服务器正忙于其他计算，本次计算即将开始…",
}
