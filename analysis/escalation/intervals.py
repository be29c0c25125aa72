"""Exact (Garwood) Poisson intervals for a count of hits, and the log-likelihood keyness test.

A count k of hits in n words is read as a Poisson count; its exact 95 % interval on the mean is
[Gamma(k, 1) quantile 0.025, Gamma(k + 1, 1) quantile 0.975] (equivalently chi-square quantiles
with 2k and 2k + 2 degrees of freedom, halved), and the rate interval is that times 1000 / n.
The gamma quantile is found here by Newton steps (kept in a bisection bracket) on the regularised
incomplete gamma function (series and continued fraction, as in Numerical Recipes §6.2): no scipy.
"""

from __future__ import annotations

import math
from functools import lru_cache

CONFIDENCE = 0.95
_EPS = 1e-15
_TINY = 1e-300


def regularized_gamma_p(a: float, x: float) -> float:
    """P(a, x) = γ(a, x) / Γ(a), the CDF at x of a Gamma(a, 1) variable (a > 0, x >= 0)."""
    if a <= 0:
        raise ValueError("shape must be positive")
    if x <= 0:
        return 0.0
    log_prefix = a * math.log(x) - x - math.lgamma(a)
    if x < a + 1:  # series: γ(a, x) = e^-x x^a Σ x^n / (a (a+1) ... (a+n))
        term = total = 1.0 / a
        denominator = a
        for _ in range(10_000):
            denominator += 1
            term *= x / denominator
            total += term
            if abs(term) < abs(total) * _EPS:
                break
        return min(1.0, total * math.exp(log_prefix))
    # continued fraction for Q(a, x) = 1 - P(a, x) (modified Lentz)
    b = x + 1 - a
    c = 1 / _TINY
    d = 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = _TINY if abs(d) < _TINY else d
        c = b + an / c
        c = _TINY if abs(c) < _TINY else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < _EPS:
            break
    return max(0.0, 1.0 - math.exp(log_prefix) * h)


@lru_cache(maxsize=4096)
def gamma_quantile(q: float, shape: float) -> float:
    """x with P(shape, x) = q: the q-quantile of a Gamma(shape, 1) variable (0 < q < 1).

    Newton steps from the Wilson-Hilferty approximation, kept inside a bracket that bisection
    narrows whenever a step would leave it; stops at double precision."""
    if not 0 < q < 1:
        raise ValueError("q must be strictly between 0 and 1")
    z = _normal_quantile(q)
    guess = shape * (1 - 1 / (9 * shape) + z / (3 * math.sqrt(shape))) ** 3
    low, high = 0.0, math.inf
    x = guess if guess > 0 else shape * q ** (1 / shape) or _TINY
    log_norm = math.lgamma(shape)
    for _ in range(200):
        error = regularized_gamma_p(shape, x) - q
        if error < 0:
            low = x
        else:
            high = x
        density = math.exp((shape - 1) * math.log(x) - x - log_norm) if x > 0 else 0.0
        step = x - error / density if density > 0 else math.nan
        if not low < step < high or math.isnan(step):
            step = (low + high) / 2 if high < math.inf else max(2 * x, x + 1)
        if abs(step - x) <= 4 * _EPS * max(1.0, x):
            return step
        x = step
    return x


def _normal_quantile(q: float) -> float:
    """Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9): only a
    starting point for the Newton steps above."""
    a = (
        -39.69683028665376,
        220.9460984245205,
        -275.9285104469687,
        138.3577518672690,
        -30.66479806614716,
        2.506628277459239,
    )
    b = (
        -54.47609879822406,
        161.5858368580409,
        -155.6989798598866,
        66.80131188771972,
        -13.28068155288572,
    )
    c = (
        -0.007784894002430293,
        -0.3223964580411365,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    )
    d = (0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416)
    if q < 0.02425 or q > 1 - 0.02425:
        r = math.sqrt(-2 * math.log(q if q < 0.5 else 1 - q))
        value = (((((c[0] * r + c[1]) * r + c[2]) * r + c[3]) * r + c[4]) * r + c[5]) / (
            (((d[0] * r + d[1]) * r + d[2]) * r + d[3]) * r + 1
        )
        return value if q < 0.5 else -value
    r = q - 0.5
    t = r * r
    return (
        (((((a[0] * t + a[1]) * t + a[2]) * t + a[3]) * t + a[4]) * t + a[5])
        * r
        / (((((b[0] * t + b[1]) * t + b[2]) * t + b[3]) * t + b[4]) * t + 1)
    )


@lru_cache(maxsize=65_536)
def poisson_interval(count: int, confidence: float = CONFIDENCE) -> tuple[float, float]:
    """Exact two-sided interval (Garwood 1936) for the mean of a Poisson variable seen as `count`."""
    if count < 0:
        raise ValueError("a count cannot be negative")
    tail = (1 - confidence) / 2
    low = 0.0 if count == 0 else gamma_quantile(tail, count)
    return low, gamma_quantile(1 - tail, count + 1)


def rate_interval(hits: int, words: int, per: int = 1000) -> tuple[float, float]:
    """The exact 95 % interval of hits per `per` words; (0, 0) when there are no words."""
    if words <= 0:
        return 0.0, 0.0
    low, high = poisson_interval(int(hits))
    return low * per / words, high * per / words


def log_likelihood(hits: float, hits_rest: float, words: float, words_rest: float) -> float:
    """Dunning's log-likelihood G² of a 2x2 table (this part against the rest), as keyness tools
    compute it (Rayson and Garside 2000): 2 Σ O ln(O / E) over the two parts' hits."""
    total_words = words + words_rest
    total_hits = hits + hits_rest
    if total_words <= 0 or total_hits <= 0 or words <= 0 or words_rest <= 0:
        return 0.0
    g2 = 0.0
    for observed, base in ((hits, words), (hits_rest, words_rest)):
        expected = base * total_hits / total_words
        if observed > 0:
            g2 += observed * math.log(observed / expected)
    return max(0.0, 2 * g2)


def chi2_1df_survival(statistic: float) -> float:
    """P(χ²₁ >= statistic) = erfc(sqrt(statistic / 2)): the p-value of G² on one degree of freedom."""
    return math.erfc(math.sqrt(max(0.0, statistic) / 2))


def log_ratio(hits: float, hits_rest: float, words: float, words_rest: float) -> float:
    """log2 of this part's rate over the rest's (Hardie's Log Ratio), a zero count taken as 0.5 so
    a term one side never uses still has a finite size of difference."""
    if words <= 0 or words_rest <= 0:
        return 0.0
    return math.log2((max(hits, 0.5) / words) / (max(hits_rest, 0.5) / words_rest))
