package web

import (
	"net/url"
	"sort"
	"strings"
	"time"

	"jemputbola/internal/locale"
	"jemputbola/internal/visit"
)

// whatsAppURL opens WhatsApp with the day's schedule as the message, for the
// team's group chat; nothing is sent until the user chooses a chat.
func whatsAppURL(day time.Time, visits []visit.Detail) string {
	key := day.Format(time.DateOnly)
	var today []visit.Detail
	for _, v := range visits {
		if v.Day == key && v.Status != visit.Dibatalkan {
			today = append(today, v)
		}
	}
	sort.SliceStable(today, func(i, j int) bool {
		if !today[i].Start.Equal(today[j].Start) {
			return today[i].Start.Before(today[j].Start)
		}
		return today[i].TeamName < today[j].TeamName
	})
	var b strings.Builder
	b.WriteString("Jadwal jemput bola IKD " + locale.Date(day) + ":")
	if len(today) == 0 {
		b.WriteString("\nBelum ada kunjungan.")
	}
	for _, v := range today {
		b.WriteString("\n- " + v.Start.Format("15.04") + "–" + v.End.Format("15.04") + " " + v.TeamName + ": " + v.SiteName + " (" + v.DesaName + ")")
	}
	return "https://wa.me/?text=" + url.QueryEscape(b.String())
}
