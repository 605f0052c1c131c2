package visit

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/locale"
)

// The rules that keep people and places in one visit at a time. Windows are
// half-open, [start, end): touching windows do not overlap. A team's own
// visits are checked in check; these are the rules across teams.

// sharedPeople names, for the team bound twice, its people (leader and
// operators) and every team each of them is in (their_teams).
const sharedPeople = `WITH people AS (
	SELECT user_id FROM team_members WHERE team_id = ?
	UNION SELECT leader_id FROM teams WHERE id = ? AND leader_id IS NOT NULL
), their_teams AS (
	SELECT team_id, user_id FROM team_members WHERE user_id IN (SELECT user_id FROM people)
	UNION SELECT id, leader_id FROM teams WHERE leader_id IN (SELECT user_id FROM people)
) `

type clashRow struct {
	ID             int64
	StartAt, EndAt time.Time
	Site, Team     string
	Person         string
	OwnSite        string // PeopleClash: the site of the team's own visit
}

func (c clashRow) when(loc *time.Location) string {
	start, end := c.StartAt.In(loc), c.EndAt.In(loc)
	return fmt.Sprintf("%s %s–%s", locale.Date(start), start.Format("15:04"), end.Format("15:04"))
}

func clashError(id int64, field, msg string) *ConflictError {
	return &ConflictError{ConflictID: id, Err: &apperr.Error{Code: apperr.Conflict, Message: msg, Fields: map[string]string{field: msg}}}
}

// personClash refuses (a *ConflictError) a visit of another team in w that one of team's people is in.
func personClash(ctx context.Context, q *gorm.DB, officeID, teamID, excludeID int64, w window) error {
	var rows []clashRow
	err := q.WithContext(ctx).Raw(sharedPeople+`SELECT v.id, v.start_at, v.end_at, s.name AS site, t.name AS team, u.name AS person
		FROM visits v JOIN their_teams p ON p.team_id = v.team_id JOIN sites s ON s.id = v.site_id
		JOIN teams t ON t.id = v.team_id JOIN users u ON u.id = p.user_id
		WHERE v.office_id = ? AND v.team_id <> ? AND v.status <> ? AND v.id <> ? AND v.start_at < ? AND v.end_at > ?
		ORDER BY v.start_at, v.id LIMIT 1`,
		teamID, teamID, officeID, teamID, string(Dibatalkan), excludeID, w.end, w.start).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return err
	}
	c := rows[0]
	return clashError(c.ID, "team_id", fmt.Sprintf("%s, anggota tim ini, sudah dijadwalkan bersama %s di %s pada %s: satu orang tidak bisa di dua tempat sekaligus.",
		c.Person, c.Team, c.Site, c.when(w.day.Location())))
}

// siteClash refuses (a *ConflictError) w when another team visits the site then. A visit marked
// shared may overlap: the planner said two teams are there on purpose.
func siteClash(ctx context.Context, q *gorm.DB, officeID int64, in Input, excludeID int64, w window) error {
	if in.Shared {
		return nil
	}
	var rows []clashRow
	err := q.WithContext(ctx).Raw(`SELECT v.id, v.start_at, v.end_at, s.name AS site, t.name AS team
		FROM visits v JOIN sites s ON s.id = v.site_id JOIN teams t ON t.id = v.team_id
		WHERE v.office_id = ? AND v.site_id = ? AND v.team_id <> ? AND v.status <> ? AND v.id <> ? AND v.start_at < ? AND v.end_at > ?
		ORDER BY v.start_at, v.id LIMIT 1`,
		officeID, in.SiteID, in.TeamID, string(Dibatalkan), excludeID, w.end, w.start).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return err
	}
	c := rows[0]
	return clashError(c.ID, "start", fmt.Sprintf("%s sudah dikunjungi %s pada %s. Pilih jam lain, atau centang “Kunjungan bersama” bila beberapa tim memang bertugas di sana bersamaan.",
		c.Site, c.Team, c.when(w.day.Location())))
}

// PeopleClash checks a team's coming visits (those not over at now) after its
// people changed: none of them may now be in another team's visit at the same
// time. q is the transaction that changed the team. Errors: Conflict naming
// the person and both visits, on the field operator_ids.
func PeopleClash(ctx context.Context, q *gorm.DB, officeID, teamID int64, now time.Time) error {
	var rows []clashRow
	err := q.WithContext(ctx).Raw(sharedPeople+`SELECT b.id, b.start_at, b.end_at, sb.name AS site, t.name AS team, u.name AS person, sa.name AS own_site
		FROM visits a JOIN visits b ON b.office_id = a.office_id AND b.team_id <> a.team_id AND b.start_at < a.end_at AND b.end_at > a.start_at
		JOIN their_teams p ON p.team_id = b.team_id JOIN sites sa ON sa.id = a.site_id JOIN sites sb ON sb.id = b.site_id
		JOIN teams t ON t.id = b.team_id JOIN users u ON u.id = p.user_id
		WHERE a.office_id = ? AND a.team_id = ? AND a.status <> ? AND b.status <> ? AND a.end_at > ?
		ORDER BY a.start_at, b.id LIMIT 1`,
		teamID, teamID, officeID, teamID, string(Dibatalkan), string(Dibatalkan), now.UTC()).Scan(&rows).Error
	if err != nil || len(rows) == 0 {
		return err
	}
	c := rows[0]
	return clashError(c.ID, "operator_ids", fmt.Sprintf("%s sudah dijadwalkan bersama %s di %s pada %s, bentrok dengan kunjungan tim ini ke %s. Pindahkan salah satu kunjungan lebih dulu.",
		c.Person, c.Team, c.Site, c.when(now.Location()), c.OwnSite))
}
