"""The statistics behind Insights: estimates that allow for sticky days, and Holm's correction.

Daily answers are serially dependent (today's burnout resembles yesterday's), and so are the
days people group them by (busy social weeks, long AI stretches). Two sticky series line up by
chance far more often than independent days would, so no test here treats days as independent:

- `persistent_contrast` estimates how much an answer differs on one group of days (or in the
  second half of a period) by generalised least squares under an AR(1)-plus-noise model of the
  answer's day-to-day persistence, fitted by restricted maximum likelihood with a Kalman
  filter (gaps allowed). At full persistence this is a comparison of day-to-day changes; with
  none, of plain means. Because a short journal cannot pin its own persistence down, the
  answer is the least favourable one among all persistences the data do not rule out, and an
  estimate that effectively rests on fewer than `MIN_EFFECTIVE_DAYS` days is not given at all.
- `occasion_difference` is Welch's comparison of two sets of occasions.
- `holm` is Holm's (1979) weighted step-down procedure over everything one run tests.

The t and chi-squared distributions come from scipy.special (`stdtr`, `stdtrit`, `chdtri`:
the routines scipy.stats.t and scipy.stats.chi2 call), imported inside the functions; importing
scipy.stats itself would add about 0.6 s to every summary PDF, most of its 2 s budget. Welch's
test is the textbook formula (the tests check it against scipy.stats.ttest_ind).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

CONFIDENCE = 0.95
PERSISTENCE = np.array([0.0, 0.2, 0.4, 0.55, 0.7, 0.8, 0.87, 0.92, 0.95, 0.97, 0.985, 0.995])
NOISE_RATIOS = np.array([0.0, 0.25, 1.0, 4.0, 16.0, 1e6])  # noise / AR innovation variance
# Profile-likelihood confidence sets of persistences: the interval is the union of the
# intervals over the first, the p-value the largest over the (wider) second.
PLAUSIBLE_INTERVAL = 0.95
PLAUSIBLE_TEST = 0.99
MIN_EFFECTIVE_DAYS = 10  # an estimate resting on fewer effectively independent days is not given


@dataclass(frozen=True)
class Estimate:
    """A difference with its 95% interval, its p-value and how it was computed."""

    value: float
    low: float
    high: float
    p: float
    n: int  # days (or occasions) the estimate rests on
    method: str

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def _independent(columns: np.ndarray) -> np.ndarray:
    """The columns that are not constant copies of the ones before them (intercept kept)."""
    kept = [columns[:, 0]]
    for column in columns.T[1:]:
        if np.linalg.matrix_rank(np.column_stack([*kept, column])) > len(kept):
            kept.append(column)
    return np.column_stack(kept)


# ---- groups of days ---------------------------------------------------------------------------


def level_shift(day: np.ndarray, y: np.ndarray, later: np.ndarray) -> Estimate | None:
    """Mean `y` on `later` days minus on the earlier ones, allowing for persistent moods."""
    return persistent_contrast(day, y, later)


METHOD = "generalised least squares allowing for day-to-day persistence (AR(1) plus noise)"


def persistent_contrast(
    day: np.ndarray, y: np.ndarray, group: np.ndarray, covariates: Sequence[np.ndarray] = ()
) -> Estimate | None:
    """The coefficient of `group` in y = a + covariates + b·group + s + e, s an AR(1) process.

    Fitted by generalised least squares on a grid of persistences and noise shares, each
    scored by restricted maximum likelihood. The answer is the least favourable one (largest
    p-value, widest interval) among the persistences inside the profile-likelihood sets, so a
    sticky mood drifting by chance is not mistaken for a pattern. None when the data cannot
    tell (too few effectively independent days, or nothing varies).
    """
    y, group = np.asarray(y, dtype=np.float64), np.asarray(group, dtype=np.float64)
    n = len(y)
    columns = [np.ones(n), *[np.asarray(c, dtype=np.float64) for c in covariates]]
    design = np.column_stack([_independent(np.column_stack(columns)), group])
    if n < design.shape[1] + 6 or np.ptp(y) == 0 or np.ptp(group) == 0:
        return None
    fits = _Fits.of(day, y, design)
    return fits.least_favourable() if fits else None


@dataclass(frozen=True, eq=False)
class _Fits:
    """The GLS fit of the last coefficient at every (persistence, noise share) of the grid."""

    coef: np.ndarray
    se: np.ndarray
    loglik: np.ndarray  # restricted log-likelihood, -inf where the fit failed
    effective: np.ndarray  # effectively independent days the estimate averages
    n: int
    df: int

    @classmethod
    def of(cls, day: np.ndarray, y: np.ndarray, design: np.ndarray) -> _Fits | None:
        n, k = design.shape
        phi, noise = (g.ravel() for g in np.meshgrid(PERSISTENCE, NOISE_RATIOS, indexing="ij"))
        sxx, sxy, syy, logdet, whitened = _kalman(day, np.column_stack([y, design]), phi, noise)
        with np.errstate(invalid="ignore", divide="ignore", over="ignore"):
            inverse = np.linalg.pinv(sxx)
            coef = np.einsum("gij,gj->gi", inverse, sxy)[:, -1]
            variance = (syy - np.einsum("gi,gij,gj->g", sxy, inverse, sxy)) / (n - k)
            loglik = -0.5 * ((n - k) * np.log(variance) + logdet + np.linalg.slogdet(sxx)[1])
            se = np.sqrt(variance * inverse[:, -1, -1])
            # With a persistent mood the estimate can rest on the few days around a switch,
            # too few for a t interval: Kish's effective number of the whitened days.
            weights = np.einsum("ngj,gj->ng", whitened, inverse[:, -1, :]) ** 2
            effective = weights.sum(axis=0) ** 2 / (weights**2).sum(axis=0)
        loglik = np.where(np.isfinite(loglik) & (se > 0), loglik, -np.inf)
        if not np.isfinite(loglik.max()):
            return None
        return cls(coef, se, loglik, effective, n, n - k)

    def plausible(self, level: float) -> np.ndarray:
        """Grid points of the persistences in the `level` profile-likelihood set (each with
        its best noise share)."""
        from scipy import special

        grid = self.loglik.reshape(len(PERSISTENCE), len(NOISE_RATIOS))
        best = grid.argmax(axis=1) + np.arange(len(PERSISTENCE)) * len(NOISE_RATIOS)
        cut = float(special.chdtri(1, 1 - level)) / 2  # chi-squared(1) quantile `level`
        return best[grid.max(axis=1) >= self.loglik.max() - cut]

    def least_favourable(self) -> Estimate | None:
        from scipy import special

        judged = self.plausible(PLAUSIBLE_TEST)
        if np.min(self.effective[judged]) < MIN_EFFECTIVE_DAYS:
            return None
        shown = self.plausible(PLAUSIBLE_INTERVAL)
        t = float(special.stdtrit(self.df, 0.5 + CONFIDENCE / 2))  # Student t quantile
        low = float(np.min(self.coef[shown] - t * self.se[shown]))
        high = float(np.max(self.coef[shown] + t * self.se[shown]))
        z = np.abs(self.coef[judged]) / self.se[judged]
        p = float(np.max(2 * special.stdtr(self.df, -z)))  # two-sided
        value = float(self.coef[int(self.loglik.argmax())])
        return Estimate(value, low, high, p, self.n, METHOD)


def _kalman(
    day: np.ndarray, data: np.ndarray, phi: np.ndarray, noise: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Generalised least squares pieces for every (phi, noise) pair at once.

    Filters y and each regressor through the same Kalman filter (their innovations are the
    whitened data), so that regressing the innovations gives the GLS fit.
    """
    grid, columns = len(phi), data.shape[1]
    innovation, measurement = 1 / (1 + noise), noise / (1 + noise)
    stationary = innovation / (1 - phi**2)
    state = np.zeros((grid, columns))
    spread = stationary.copy()
    sxx = np.zeros((grid, columns - 1, columns - 1))
    sxy = np.zeros((grid, columns - 1))
    syy = np.zeros(grid)
    logdet = np.zeros(grid)
    gaps = np.diff(day, prepend=day[0])
    whitened = np.empty((len(data), grid, columns - 1))
    for at, (row, gap) in enumerate(zip(data, gaps)):
        if gap:
            decay = phi**gap
            state *= decay[:, None]
            spread = decay**2 * spread + stationary * (1 - decay**2)
        total = spread + measurement
        surprise = row[None, :] - state
        state += (spread / total)[:, None] * surprise
        spread = spread * measurement / total
        scaled = surprise / np.sqrt(total)[:, None]
        whitened[at] = scaled[:, 1:]
        sxx += scaled[:, 1:, None] * scaled[:, None, 1:]
        sxy += scaled[:, 1:] * scaled[:, :1]
        syy += scaled[:, 0] ** 2
        logdet += np.log(total)
    return sxx, sxy, syy, logdet, whitened


# ---- occasions ---------------------------------------------------------------------------------


def occasion_difference(first: np.ndarray, second: np.ndarray, n: int) -> Estimate | None:
    """Mean of `first` minus mean of `second` (Welch); `n` is the days behind them."""
    from scipy import special

    first, second = np.asarray(first, dtype=np.float64), np.asarray(second, dtype=np.float64)
    if len(first) < 2 or len(second) < 2 or (np.ptp(first) == 0 and np.ptp(second) == 0):
        return None
    shares = np.array([first.var(ddof=1) / len(first), second.var(ddof=1) / len(second)])
    se = float(np.sqrt(shares.sum()))
    # Welch-Satterthwaite degrees of freedom
    df = float(shares.sum() ** 2 / (shares**2 / [len(first) - 1, len(second) - 1]).sum())
    value = float(first.mean() - second.mean())
    half = float(special.stdtrit(df, 0.5 + CONFIDENCE / 2)) * se
    p = float(2 * special.stdtr(df, -abs(value) / se))
    method = "Welch's difference of means over occasions"
    return Estimate(value, value - half, value + half, p, n, method)


# ---- many tests at once -------------------------------------------------------------------------


def holm(p: Sequence[float], weights: Sequence[float], alpha: float) -> list[bool]:
    """Holm's weighted step-down procedure: which hypotheses are rejected at family level `alpha`.

    The chance that any true null hypothesis is rejected stays at most `alpha`, whatever the
    dependence between the tests (Holm 1979).
    """
    p_arr, w = np.asarray(p, dtype=np.float64), np.asarray(weights, dtype=np.float64)
    rejected = np.zeros(len(p_arr), dtype=bool)
    remaining = float(w.sum())
    for index in np.argsort(p_arr / w, kind="stable"):
        if p_arr[index] > alpha * w[index] / remaining:
            break
        rejected[index] = True
        remaining -= w[index]
    return rejected.tolist()
