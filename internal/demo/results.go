package demo

import (
	"context"
	"fmt"

	"gorm.io/gorm"

	"jemputbola/internal/result"
	"jemputbola/internal/scope"
	"jemputbola/internal/site"
	"jemputbola/internal/visit"
)

// Yield per visit by kind of site: schools bring first-time voters who mostly
// have phones; villages bring older residents, more often without Android or e-mail.
var demoYield = map[site.Kind]struct{ served, rate int64 }{
	site.Sekolah: {90, 70},
	site.OPD:     {70, 80},
	site.Desa:    {55, 45},
	site.Lainnya: {40, 50},
}

// seedResults logs a result for every visit already done, with failures split
// over the reasons seen in the field (no e-mail and no Android lead).
func seedResults(ctx context.Context, tx *gorm.DB, visits []visit.Visit, kinds map[int64]site.Kind, loggedBy map[int64]int64) error {
	var rs []result.Result
	for _, v := range visits {
		if v.Status != visit.Selesai {
			continue
		}
		y := demoYield[kinds[v.SiteID]]
		h := int64(hash(fmt.Sprint(v.ID)) % 41) // 0..40: visits differ from each other
		served := y.served*(80+h)/100 + 5
		act := served * (y.rate - 10 + h/4) / 100
		rest := served - act
		var by *int64 // nil where the team has no operator, as in generated data
		if id, ok := loggedBy[v.TeamID]; ok {
			by = &id
		}
		rs = append(rs, result.Result{VisitID: v.ID, ClientID: fmt.Sprintf("00000000-0000-4000-8000-%012d", v.ID),
			Activations: act, PeopleServed: served, EktpRecorded: h % 4,
			FailNoEmail: rest * 35 / 100, FailNoAndroid: rest * 25 / 100, FailNoSignal: rest * 15 / 100,
			FailIncompatiblePhone: rest * 10 / 100, FailDataProblem: rest * 8 / 100, FailRefused: rest * 4 / 100,
			Notes: "Hasil demo", LoggedBy: by, LoggedAt: v.EndAt, UpdatedAt: v.EndAt, Verification: "diverifikasi"})
	}
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	for i := range rs {
		rs[i].OfficeID = sc.OfficeID
	}
	return tx.WithContext(ctx).CreateInBatches(&rs, 200).Error
}
