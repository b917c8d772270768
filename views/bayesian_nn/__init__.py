"""The views of the Bayesian-network page (``pages/bayesian_nn.py``): the prior over weights and
the functions it draws (`prior`), a variational posterior by Bayes by backprop (`vi`), and
Gaussian noise as a regulariser (`noise`)."""

from ui import display

PLOT = display.Plotter("bnn", "bnn")  # the page's chart keys and export names
