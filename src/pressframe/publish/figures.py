"""The book's figures, drawn with matplotlib in one style: one colour per country group throughout.

Every function returns a closed Figure: glue it (myst-nb) or save it; it is not shown on its own.
The group colours come from ``data/groups.yml`` (the Okabe–Ito palette, which stays distinguishable
under the common forms of colour-vision deficiency, continued for further groups).

Imported in a notebook, the module asks IPython for "retina" PNGs: figures are stored at twice
their screen resolution (about 200 dpi at their printed width in the PDF edition) and shown at
their screen size in the HTML book.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..corpus.groups import group, groups_for

STYLE = {
    "figure.dpi": 100,
    "savefig.dpi": 200,
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "svg.hashsalt": "pressframe",
}


def _retina_in_notebooks() -> None:
    """Register IPython's retina PNG formatter for figures, when running under IPython."""
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:  # plain Python: figures are saved explicitly, at savefig.dpi
        return
    if get_ipython() is not None:
        set_matplotlib_formats("retina")


_retina_in_notebooks()


def group_colour(label: str) -> str:
    """The colour of a country group (``data/groups.yml``; a group only the metadata names gets a palette colour)."""
    return group(label).colour


def corpus_sizes(articles: pd.DataFrame, outlets: dict[str, str] | None = None) -> plt.Figure:
    """Horizontal bars: body word tokens per article, coloured by country group, labelled with the outlet.

    ``articles`` is the articles table (pressframe.publish.tables.articles_table); ``outlets`` the outlet labels.
    """
    with plt.rc_context(STYLE):
        ordered = articles.sort_values("article_id", ascending=False)
        fig, ax = plt.subplots(figsize=(7, 0.55 * len(ordered) + 1.2))
        bars = ax.barh(_row_labels(ordered, outlets), ordered.n_tokens, color=[group_colour(g) for g in ordered.country_group])
        ax.bar_label(bars, labels=[f"{n:,}" for n in ordered.n_tokens], padding=3, fontsize=9)
        ax.set_xlabel("word tokens in the body")
        ax.set_xlim(0, ordered.n_tokens.max() * 1.15)
        present = [g.label for g in groups_for(ordered.country_group)]
        handles = [plt.Rectangle((0, 0), 1, 1, color=group_colour(g)) for g in present]
        ax.legend(handles, present, title="country group", frameon=False, loc="lower right")
        fig.tight_layout()
    plt.close(fig)  # returned for glue or saving, never shown twice by the inline backend
    return fig


def _row_labels(articles: pd.DataFrame, outlets: dict[str, str] | None) -> list[str]:
    """"000 · SRF": id and outlet label (``outlets``, from pressframe.corpus.outlets.outlet_names; else the short outlet)."""
    from ..corpus.outlets import short_outlet

    return [f"{row.article_id} · {(outlets or {}).get(row.article_id) or short_outlet(row.outlet)}"
            for row in articles.itertuples()]


def _segments(days: list, gap_years: int) -> list[tuple]:
    """Runs of years holding ``days``, split where ``gap_years`` or more years hold nothing: ``[(first, last)]``."""
    years = sorted({d.year for d in days})
    runs = [[years[0], years[0]]]
    for year in years[1:]:
        if year - runs[-1][1] > gap_years:
            runs.append([year, year])
        else:
            runs[-1][1] = year
    return [(first, last) for first, last in runs]


def timeline(events: pd.DataFrame, articles: pd.DataFrame, *, zoom: tuple[str, str] | None = None,
             gap_years: int = 3, outlets: dict[str, str] | None = None) -> plt.Figure:
    """The joint timeline: one row per article, time across, with a broken axis.

    The axis is cut wherever ``gap_years`` or more years hold nothing, each run of years getting a
    panel, and a last panel zooms into ``zoom`` (first and last day, ISO), by default the week around
    the latest dated day. A dot is a day; a bar is a month, a season or a year, drawn across the span
    it covers. A diamond marks a mention of an event the texts date differently. A grey tick marks the
    day each text was published. ``events`` is the timeline table (pressframe.compare.timeline.timeline),
    ``articles`` the articles table.
    """
    from datetime import date, timedelta

    import matplotlib.dates as mdates

    ordered = articles.sort_values("article_id", ascending=False).reset_index(drop=True)
    row_of = {a: i for i, a in enumerate(ordered.article_id)}
    colour_of = dict(zip(ordered.article_id, ordered.country_group.map(group_colour)))
    published = {a: date.fromisoformat(p) for a, p in zip(ordered.article_id, ordered.published)}
    days = [*events.start, *events.end, *published.values()]
    if zoom is None:
        last = max(days)
        zoom = ((last - timedelta(days=4)).isoformat(), (last + timedelta(days=2)).isoformat())
    zoom_start, zoom_end = date.fromisoformat(zoom[0]), date.fromisoformat(zoom[1])
    segments = _segments(days, gap_years)
    widths = [max(1.2, last - first + 1) for first, last in segments] + [3.5]
    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(1, len(widths), sharey=True, figsize=(9.5, 0.5 * len(ordered) + 2.0),
                                 gridspec_kw={"width_ratios": widths, "wspace": 0.06})
        for ax in axes:
            for row in events.itertuples():
                y, colour = row_of[row.article_id], colour_of[row.article_id]
                middle = row.start + (row.end - row.start) / 2
                if row.precision != "day":
                    ax.plot([row.start, row.end + timedelta(days=1)], [y, y], color=colour, lw=5, alpha=0.55,
                            solid_capstyle="butt")
                ax.plot([middle], [y], marker="D" if row.conflict else "o", ms=8 if row.conflict else 6,
                        color=colour, markeredgecolor="black" if row.conflict else colour, zorder=3)
            for article_id, day in published.items():
                ax.plot([day], [row_of[article_id]], marker="|", ms=16, mew=2, color="#555555", zorder=2)
            ax.grid(axis="x", color="#dddddd", lw=0.6)
        for ax, (first, last) in zip(axes, segments):
            ax.set_xlim(date(first, 1, 1), date(last + 1, 1, 1))
            ax.xaxis.set_major_locator(mdates.YearLocator())            # year boundaries, unlabelled
            ax.xaxis.set_major_formatter(plt.NullFormatter())
            ax.xaxis.set_minor_locator(mdates.MonthLocator(bymonth=7, bymonthday=2))   # each year named in its middle
            ax.xaxis.set_minor_formatter(mdates.DateFormatter("%Y"))
            ax.tick_params(axis="x", which="minor", length=0)
            if first <= zoom_start.year <= last:
                ax.axvspan(zoom_start, zoom_end, color="#dddddd", zorder=0)
        close = axes[-1]
        close.set_xlim(zoom_start, zoom_end)
        close.xaxis.set_major_locator(mdates.DayLocator())
        close.xaxis.set_major_formatter(mdates.DateFormatter("%-d"))
        close.set_xlabel(f"{zoom_start:%B %Y} (day)")
        close.set_title("zoom (grey band)", fontsize=9, fontweight="normal")
        axes[0].set_yticks(range(len(ordered)), _row_labels(ordered, outlets))
        axes[0].set_ylim(-0.7, len(ordered) - 0.3)
        for i, ax in enumerate(axes):               # the breaks between the panels
            if i:
                ax.spines["left"].set_visible(False)
                ax.tick_params(axis="y", length=0)
                ax.plot([0], [0], transform=ax.transAxes, marker=[(-1, -2), (1, 2)], ms=9, color="k", clip_on=False)
            if i < len(axes) - 1:
                ax.plot([1], [0], transform=ax.transAxes, marker=[(-1, -2), (1, 2)], ms=9, color="k", clip_on=False)
        present = [g.label for g in groups_for(ordered.country_group)]
        handles = [plt.Line2D([], [], marker="o", ls="", color=group_colour(g)) for g in present]
        handles += [plt.Line2D([], [], marker="D", ls="", color="white", markeredgecolor="black"),
                    plt.Line2D([], [], lw=5, alpha=0.55, color="#777777"),
                    plt.Line2D([], [], marker="|", ms=12, mew=2, ls="", color="#555555")]
        labels = present + ["dated differently by other texts", "a month, season or year", "published"]
        fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False, bbox_to_anchor=(0.5, -0.02))
        fig.subplots_adjust(bottom=0.27, left=0.17, right=0.98, top=0.92)
    plt.close(fig)
    return fig


SPEAKER_COLOURS = {"Russian leadership": "#CC79A7", "North Korean leadership": "#E69F00", "state media": "#F0E442",
                   "media": "#999933", "other government": "#882255", "expert": "#56B4E9",
                   "other": "#BBBBBB", "unknown": "#DDDDDD"}
"""Okabe–Ito reddish purple, orange, yellow and sky blue, Tol's olive and wine, with greys: distinct from the
group colours. Every type of ``data/quotes.yml`` has one (a test holds them together)."""


def frame_salience(salience: pd.DataFrame, groups: list[str]) -> plt.Figure:
    """Dots with 95% intervals: share of body sentences carrying each frame, one colour per country group.

    ``salience`` is pressframe.compare.comparison.frame_salience(by="group"); frames keep the codebook's order,
    top to bottom; ``groups`` gives the groups' order.
    """
    frames = list(dict.fromkeys(salience.frame))
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 0.42 * len(frames) + 1.6))
        step = 0.8 / max(len(groups), 1)
        for k, group in enumerate(groups):
            rows = salience[salience.unit == group].set_index("frame").reindex(frames)
            y = [len(frames) - 1 - i + 0.4 - step / 2 - k * step for i in range(len(frames))]
            ax.errorbar(rows.share, y, xerr=[rows.share - rows.low, rows.high - rows.share], fmt="o", ms=5,
                        color=group_colour(group), ecolor=group_colour(group), elinewidth=1.5, capsize=0,
                        label=f"{group} (n = {int(rows.n.iloc[0])} sentences)")
        ax.set_yticks(range(len(frames)), [f.replace("_", " ") for f in reversed(frames)])
        ax.set_xlabel("share of body sentences carrying the frame (95% bootstrap interval)")
        ax.set_xlim(0, min(1, float(salience.high.max()) + 0.05))
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
        for i in range(len(frames)):
            ax.axhline(i - 0.5, color="#eeeeee", lw=0.8, zorder=0)
        ax.legend(frameon=False, loc="lower right", fontsize=8)
        fig.tight_layout()
    plt.close(fig)
    return fig


def distinctive_terms(terms: pd.DataFrame, groups: list[str]) -> plt.Figure:
    """One panel per country group: its most distinctive word forms by Fightin' Words z-score, each with its English
    (pressframe.corpus.glosses) where the phrases file has it."""
    from ..corpus.glosses import phrase_gloss

    def label(r) -> str:
        english = phrase_gloss(r.form)
        return f"{r.form} ({r.count_group})" + (f"\n{english}" if english else "")

    with plt.rc_context(STYLE):
        fig, axes = plt.subplots(1, len(groups), figsize=(3.3 * len(groups), 4.6), sharex=True, squeeze=False)
        for ax, group in zip(axes[0], groups):
            rows = terms[terms.group == group].sort_values("z")
            ax.barh([label(r) for r in rows.itertuples()], rows.z, color=group_colour(group))
            ax.set_title(group, color=group_colour(group))
            ax.tick_params(axis="y", labelsize=8)
        for ax in axes[0]:
            ax.set_xlabel("z-score (log-odds)")
        fig.tight_layout()
    plt.close(fig)
    return fig


def voices(table: pd.DataFrame, units: list[str], labels: dict[str, str]) -> plt.Figure:
    """Stacked bars: each unit's direct quotations by speaker type, as shares of its quotations."""
    types = [t for t in SPEAKER_COLOURS if t in set(table.speaker_type)]
    with plt.rc_context(STYLE):
        fig, ax = plt.subplots(figsize=(7.5, 0.5 * len(units) + 1.8))
        shares = table.pivot_table(index="unit", columns="speaker_type", values="share of quotations",
                                   aggfunc="sum", fill_value=0).reindex(index=units, columns=types, fill_value=0)
        counts = table.groupby("unit").quotations.sum().reindex(units, fill_value=0)
        names = [f"{labels.get(u, u)} ({counts[u]})" for u in units]
        left = [0.0] * len(units)
        for kind in types:
            ax.barh(names[::-1], shares[kind].to_numpy()[::-1], left=left[::-1], color=SPEAKER_COLOURS[kind], label=kind)
            left = [a + b for a, b in zip(left, shares[kind])]
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(plt.FuncFormatter(lambda x, _: f"{x:.0%}"))
        ax.set_xlabel("share of the text's direct quotations (number of quotations in brackets)")
        ax.legend(frameon=False, ncol=3, fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.28))
        fig.tight_layout()
    plt.close(fig)
    return fig
