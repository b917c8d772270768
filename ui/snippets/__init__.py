"""Short PyTorch programs, one module per page, that reproduce the current picture."""
