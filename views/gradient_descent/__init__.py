"""The gradient-descent page's views: the surface chosen above the tabs (`surface`), then the
gradient at a point (`gradient`), descents with torch.optim (`descent`) and basins of
attraction (`basins`). What the tabs share is in `common`."""
