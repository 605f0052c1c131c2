package web

import (
	"cmp"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"jemputbola/internal/coverage"
	"jemputbola/internal/locale"
	"jemputbola/internal/progress"
	"jemputbola/internal/region"
	"jemputbola/internal/result"
	"jemputbola/internal/site"
	"jemputbola/templates/coveragepage"
	"jemputbola/web/paths"
)

// The Cakupan pages' view models, built from the coverage read model: every
// figure formatted the Indonesian way, every link from web/paths.

// coverageBasis says which official figures the page builds on.
func coverageBasis(cov progress.Coverage, year int) coveragepage.Basis {
	return coveragepage.Basis{Year: strconv.Itoa(year), Target: targetLabel(cov.Target), AsOf: locale.DateText(cov.AsOf), Demo: cov.Demo}
}

// coverageFigures is one region's coverage, formatted.
func coverageFigures(r region.Row) coveragepage.Figures {
	return coveragepage.Figures{Name: r.Name, Recorded: locale.Int(r.Recorded), Activated: locale.Int(r.Activated),
		Coverage: locale.Pct(r.CoverageBP), Target: locale.Pct(r.TargetBP), TargetCount: locale.Int(r.TargetCount), Gap: locale.Int(r.Gap)}
}

// desaHref is the page of one desa.
func desaHref(code string) string { return paths.ForCode(paths.DesaCoverage, code) }

// kecamatanDesaHref is the desa table of one kecamatan.
func kecamatanDesaHref(code string) string {
	return paths.CoverageDesa + "?kec=" + url.QueryEscape(code)
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// oneDecimal formats v with one decimal, Indonesian style: 2.5 → "2,5".
func oneDecimal(v float64) string {
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", ",", 1)
}

// pctInput writes basis points for an input field: 3000 → "30", 2750 → "27,5".
// targetLabel is the office's target in words: "30% dari perekaman KTP-el"
// or "67.802 orang".
func targetLabel(t coverage.Target) string {
	if t.Count > 0 {
		return locale.Int(t.Count) + " orang"
	}
	return locale.Pct(t.BP) + " dari perekaman KTP-el"
}

func targetInput(t coverage.Target) string {
	if t.Count > 0 {
		return locale.Int(t.Count)
	}
	return pctInput(t.BP)
}

func pctInput(bp int64) string {
	s := strconv.FormatInt(bp/100, 10)
	if frac := bp % 100; frac != 0 {
		s += "," + strings.TrimRight(strconv.FormatInt(frac+100, 10)[1:], "0")
	}
	return s
}

// signed writes a change with its sign: +12, -3, 0.
func signed(n int64) string {
	if n > 0 {
		return "+" + locale.Int(n)
	}
	return locale.Int(n)
}

// reasonLabel names the reason at index i of result.Reasons, "—" for none.
func reasonLabel(i int) string {
	if i < 0 {
		return "—"
	}
	return result.Reasons[i].Label
}

// projectionView is where the current pace leads.
func projectionView(p progress.Projection) coveragepage.Projection {
	v := coveragepage.Projection{Reached: p.Gap == 0, Behind: p.Gap > 0, Last28: locale.Int(p.Last28), PerDay: oneDecimal(p.PerDay),
		NeededPerDay: locale.Int(p.NeededPerDay), NeededPerWorkday: locale.Int(p.NeededPerWorkday), WorkdaysLeft: strconv.Itoa(p.WorkdaysLeft)}
	if p.ReachedOn != nil {
		v.ReachedOn = locale.Date(*p.ReachedOn)
	}
	return v
}

// tallyView is one line of the breakdown tables.
func tallyView(name, href string, t progress.Tally) coveragepage.Tally {
	top := t.TopReason()
	v := coveragepage.Tally{Name: name, Href: href, Visits: locale.Int(t.Visits), Served: locale.Int(t.Served),
		Activations: locale.Int(t.Activations), PerVisit: oneDecimal(t.PerVisit()), TopReason: reasonLabel(top)}
	for i, n := range t.Failures {
		v.Failures = append(v.Failures, coveragepage.Failure{Count: locale.Int(n), Top: i == top})
	}
	return v
}

// breakdownView splits the visits done by site kind (every kind, in display
// order), team and kecamatan.
func breakdownView(b progress.Breakdown) coveragepage.Breakdown {
	v := coveragepage.Breakdown{Total: tallyView("Jumlah", "", b.Total), AnyFailed: b.Total.Failed() != 0}
	for _, k := range site.Kinds {
		v.Kinds = append(v.Kinds, tallyView(k.Label(), "", b.Kinds[string(k)]))
	}
	for _, g := range b.Teams {
		href := ""
		if id, err := strconv.ParseInt(g.Key, 10, 64); err == nil {
			href = paths.For(paths.Team, id)
		}
		v.Teams = append(v.Teams, tallyView(g.Name, href, g.Tally))
	}
	for _, g := range b.Kecamatan {
		v.Kecamatan = append(v.Kecamatan, tallyView(g.Name, "", g.Tally))
	}
	for _, r := range result.Reasons {
		v.Reasons = append(v.Reasons, r.Label)
	}
	type reasonCount struct {
		label string
		n     int64
	}
	var rs []reasonCount
	for i, n := range b.Total.Failures {
		if n > 0 {
			rs = append(rs, reasonCount{result.Reasons[i].Label, n})
		}
	}
	slices.SortStableFunc(rs, func(a, b reasonCount) int { return cmp.Compare(b.n, a.n) })
	for _, r := range rs {
		v.TopReasons = append(v.TopReasons, coveragepage.ReasonCount{Label: r.label, Count: locale.Int(r.n)})
	}
	return v
}

// mapFigures is an area's coverage in a sentence, for its tooltip and panel on the map.
func mapFigures(r region.Row) string {
	return "Cakupan " + locale.Pct(r.CoverageBP) + ", IKD aktif " + locale.Int(r.Activated) + " dari target " + locale.Int(r.TargetCount) +
		" (selisih " + locale.Int(r.Gap) + ")"
}

// desaKindName is "Desa" or "Kelurahan".
func desaKindName(kind string) string {
	if kind == "kelurahan" {
		return "Kelurahan"
	}
	return "Desa"
}

// figureSource names where an official figure came from.
func figureSource(s string) string {
	if s == region.SourceDemo {
		return "Demo"
	}
	return "Impor resmi"
}

// reconcileVerdict explains a desa's difference between field logs and the
// official change.
func reconcileVerdict(r progress.ReconcileRow) string {
	switch {
	case !r.Comparable:
		return "Tidak ada angka resmi pada kedua tanggal"
	case !r.Flagged:
		return "Sesuai"
	case r.Difference < 0:
		return "Lapangan mencatat lebih banyak dari kenaikan resmi: periksa kemungkinan pencatatan berlebih"
	}
	return "Kenaikan resmi lebih besar dari catatan lapangan: aktivasi di loket atau hasil lapangan belum dicatat"
}
