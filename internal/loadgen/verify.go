package loadgen

import (
	"context"

	"gorm.io/gorm"
)

// Verification compares what the database holds for a run with what the
// server acknowledged. Lists hold client ids.
type Verification struct {
	Stored     int64    `json:"stored"`
	Missing    []string `json:"missing,omitempty"`     // acknowledged, not stored: a lost write
	Duplicated []string `json:"duplicated,omitempty"`  // stored more than once
	WrongVisit []string `json:"wrong_visit,omitempty"` // stored under another visit than sent
	Unexpected []string `json:"unexpected,omitempty"`  // stored, never acknowledged (in flight at a crash)
}

// Exact reports whether the database holds every acknowledged write once and
// nothing else.
func (v Verification) Exact(acked int) bool {
	return v.Stored == int64(acked) && len(v.Missing)+len(v.Duplicated)+len(v.WrongVisit)+len(v.Unexpected) == 0
}

// VerifyStored reads the results of the run's visits (its site is the run's
// own) and checks each acknowledged client id is stored exactly once, on the
// visit it was sent for.
func VerifyStored(ctx context.Context, g *gorm.DB, fx *Fixtures, acked []Write) (Verification, error) {
	var rows []struct {
		ClientID string
		VisitID  int64
	}
	err := g.WithContext(ctx).Raw(`SELECT r.client_id, r.visit_id FROM visit_results r
		JOIN visits v ON v.id = r.visit_id WHERE v.site_id = ?`, fx.SiteID).Scan(&rows).Error
	if err != nil {
		return Verification{}, err
	}
	v := Verification{Stored: int64(len(rows))}
	stored := make(map[string][]int64, len(rows))
	for _, r := range rows {
		stored[r.ClientID] = append(stored[r.ClientID], r.VisitID)
	}
	sent := make(map[string]bool, len(acked))
	for _, w := range acked {
		sent[w.ClientID] = true
		switch visits := stored[w.ClientID]; {
		case len(visits) == 0:
			v.Missing = append(v.Missing, w.ClientID)
		case len(visits) > 1:
			v.Duplicated = append(v.Duplicated, w.ClientID)
		case visits[0] != w.VisitID:
			v.WrongVisit = append(v.WrongVisit, w.ClientID)
		}
	}
	for id := range stored {
		if !sent[id] {
			v.Unexpected = append(v.Unexpected, id)
		}
	}
	return v, nil
}
