"""Cached calls of `core` view functions, shared by the pages: keyed on small scalar
arguments, bounded, and returning numpy arrays (cheap to hash and to hand to Plotly)."""

from __future__ import annotations

import importlib

import streamlit as st
import torch


def to_numpy(value):
    """Tensors (also inside dicts, lists and tuples) as float64 numpy arrays."""
    if isinstance(value, torch.Tensor):
        return value.detach().to(torch.float64).numpy()
    if isinstance(value, dict):
        return {k: to_numpy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(to_numpy(v) for v in value)
    return value


@st.cache_data(max_entries=192, show_spinner=False)
def _cached(module: str, name: str, *args):
    # One cached function for every view: Streamlit hashes the source of each decorated
    # function on every rerun, which costs a millisecond or two apiece.
    return to_numpy(getattr(importlib.import_module(module), name)(*args))


def view(function, *args):
    """``function(*args)`` (a function of a `core` module), cached, tensors as numpy."""
    return _cached(function.__module__, function.__name__, *args)
