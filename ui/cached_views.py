"""Cached calls of `core` view functions, shared by the pages: keyed on small scalar
arguments, bounded, and returning numpy arrays (cheap to hash and to hand to Plotly)."""

from __future__ import annotations

import dataclasses
import functools
import importlib

import streamlit as st
import torch


def to_numpy(value):
    """Tensors (also inside dicts, lists and tuples) as float64 numpy arrays."""
    if isinstance(value, torch.Tensor):
        return value.detach().to(torch.float64).numpy()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = dataclasses.fields(value)
        return dataclasses.replace(
            value, **{f.name: to_numpy(getattr(value, f.name)) for f in fields if f.init}
        )
    if isinstance(value, dict):
        return {k: to_numpy(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(to_numpy(v) for v in value)
    return value


def cached_view(max_entries: int = 32):
    """The one way a view caches its computation: ``@cached_view()`` over a function of small
    hashable arguments (numbers, strings, kernels, tuples) in an imported ``views`` module. The
    result (a frozen dataclass, tensors inside as float64 numpy arrays) is cached, bounded,
    shared by every session; decorating at import time keeps reruns from rehashing the source.
    """

    def decorate(function):
        @functools.wraps(function)
        def as_numpy(*args, **kwargs):
            return to_numpy(function(*args, **kwargs))

        return st.cache_data(max_entries=max_entries, show_spinner=False)(as_numpy)

    return decorate


def factored_view(factor, sample, factor_args: tuple, *args):
    """``sample(factor(*factor_args), *args)`` cached like `cached_view`, with the factor (a view's
    expensive part that no seed changes, such as a Cholesky factor) computed once and shared
    by every seed and session: a new seed then costs only its own draw."""
    return _factored(factor.__module__, factor.__name__, sample.__name__, factor_args, *args)


@st.cache_data(max_entries=64, show_spinner=False)
def _factored(module: str, factor: str, sample: str, factor_args: tuple, *args):
    shared = _shared_factor(module, factor, *factor_args)
    return to_numpy(getattr(importlib.import_module(module), sample)(shared, *args))


# st.cache_resource hands out the object itself, where st.cache_data would unpickle a copy on
# every hit (50 MB for the 2500 x 2500 factor of the 2D GP view). Read-only, and few: two
# factors (100 MB at most), each recomputed after ten minutes.
@st.cache_resource(max_entries=2, ttl=600, show_spinner=False)
def _shared_factor(module: str, name: str, *args):
    return getattr(importlib.import_module(module), name)(*args)
