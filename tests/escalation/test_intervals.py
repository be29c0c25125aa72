"""Exact Poisson intervals, the gamma quantile behind them, and the log-likelihood test: checked
against published table values and against a reference computed another way (Poisson sums)."""

from __future__ import annotations

import math

import pytest

from analysis.escalation.intervals import (
    chi2_1df_survival,
    gamma_quantile,
    log_likelihood,
    log_ratio,
    poisson_interval,
    rate_interval,
    regularized_gamma_p,
)

# Exact 95 % confidence limits for a Poisson count (Garwood 1936) as printed in standard tables of
# exact Poisson limits: count -> (lower, upper), four decimals. The Poisson-sum test below checks
# every value independently of any table.
TABLE = {
    0: (0.0, 3.6889),
    1: (0.0253, 5.5716),
    2: (0.2422, 7.2247),
    3: (0.6187, 8.7673),
    4: (1.0899, 10.2416),
    5: (1.6235, 11.6683),
    10: (4.7954, 18.3904),
    20: (12.2165, 30.8884),
    100: (81.3640, 121.6268),
}


def poisson_cdf(k: int, mean: float) -> float:
    """P(X <= k) for X ~ Poisson(mean), summed term by term in log space (the reference)."""
    return sum(math.exp(i * math.log(mean) - mean - math.lgamma(i + 1)) for i in range(k + 1))


@pytest.mark.parametrize(("count", "limits"), sorted(TABLE.items()))
def test_interval_matches_the_published_table(count, limits):
    low, high = poisson_interval(count)
    assert low == pytest.approx(limits[0], abs=6e-5)
    assert high == pytest.approx(limits[1], abs=6e-5)


@pytest.mark.parametrize("count", [1, 2, 3, 7, 12, 33, 150, 800])
def test_interval_ends_solve_the_poisson_tail_equations(count):
    # The exact interval is defined by P(X >= k | low) = 0.025 and P(X <= k | high) = 0.025.
    low, high = poisson_interval(count)
    assert 1 - poisson_cdf(count - 1, low) == pytest.approx(0.025, abs=1e-9)
    assert poisson_cdf(count, high) == pytest.approx(0.025, abs=1e-9)


def test_zero_count_upper_limit_is_minus_log_of_the_tail():
    assert poisson_interval(0) == (0.0, pytest.approx(-math.log(0.025), abs=1e-12))


@pytest.mark.parametrize("shape", [0.5, 1.0, 2.5, 10.0, 101.0])
@pytest.mark.parametrize("q", [0.001, 0.025, 0.5, 0.975, 0.999])
def test_gamma_quantile_inverts_the_incomplete_gamma(shape, q):
    assert regularized_gamma_p(shape, gamma_quantile(q, shape)) == pytest.approx(q, abs=1e-10)


def test_incomplete_gamma_of_shape_one_is_the_exponential_cdf():
    for x in (0.01, 0.5, 1.0, 3.0, 20.0):
        assert regularized_gamma_p(1.0, x) == pytest.approx(1 - math.exp(-x), abs=1e-13)


def test_rate_interval_scales_to_1000_words_and_holds_the_rate():
    low, high = rate_interval(3, 250)
    assert low == pytest.approx(0.6187 * 4, abs=1e-3)
    assert high == pytest.approx(8.7673 * 4, abs=1e-3)
    assert low < 3 * 1000 / 250 < high
    assert rate_interval(5, 0) == (0.0, 0.0)


def test_chi_square_one_df_survival_at_known_critical_values():
    assert chi2_1df_survival(3.841459) == pytest.approx(0.05, abs=1e-6)
    assert chi2_1df_survival(6.634897) == pytest.approx(0.01, abs=1e-6)
    assert chi2_1df_survival(10.827566) == pytest.approx(0.001, abs=1e-7)
    assert chi2_1df_survival(0.0) == 1.0


def test_log_likelihood_by_hand():
    # 20 uses in 10,000 words against 10 in 90,000: E1 = 10,000 * 30 / 100,000 = 3, E2 = 27.
    expected = 2 * (20 * math.log(20 / 3) + 10 * math.log(10 / 27))
    assert log_likelihood(20, 10, 10_000, 90_000) == pytest.approx(expected)
    assert log_likelihood(3, 27, 10_000, 90_000) == pytest.approx(0.0, abs=1e-12)
    assert log_ratio(20, 10, 10_000, 90_000) == pytest.approx(math.log2(18))
    assert log_ratio(0, 10, 10_000, 90_000) == pytest.approx(
        math.log2(0.5 / 10_000 / (10 / 90_000))
    )
