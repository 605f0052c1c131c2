package web

import (
	"strconv"
	"testing"
	"time"
)

func TestPerAddress(t *testing.T) {
	p := newPerAddress(60, 3) // one a second, bursts of three
	now := time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)
	for i := range 3 {
		if !p.allow("10.0.0.1", now) {
			t.Fatalf("request %d of the burst refused", i+1)
		}
	}
	if p.allow("10.0.0.1", now) || !p.allow("10.0.0.2", now) {
		t.Fatal("the limit is not per address")
	}
	if !p.allow("10.0.0.1", now.Add(time.Second)) {
		t.Fatal("the rate does not refill")
	}
	// One IPv6 /64 is one client, whatever its last 64 bits.
	for i := range 3 {
		p.allow("2001:db8:1:2::"+strconv.Itoa(i+1), now)
	}
	if p.allow("2001:db8:1:2:ffff::9", now) || !p.allow("2001:db8:1:3::1", now) {
		t.Fatal("IPv6 addresses are not limited by their /64")
	}
	for i := range maxAddresses + 5 {
		p.allow("10.1."+strconv.Itoa(i/250)+"."+strconv.Itoa(i%250), now)
	}
	if len(p.clients) > maxAddresses {
		t.Fatalf("%d addresses remembered, the cap is %d", len(p.clients), maxAddresses)
	}
}
