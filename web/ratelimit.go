package web

import (
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/time/rate"
)

// perAddress limits the requests of each client address to a steady rate
// with a burst, for pages anyone can reach without signing in. An IPv6
// client counts by its /64 (one household or phone holds a whole /64).
// Addresses idle for an hour are forgotten, and past maxAddresses the map
// starts afresh: a flood of addresses costs the limiter its memory of them,
// never the server its memory.
type perAddress struct {
	mu      sync.Mutex
	every   rate.Limit
	burst   int
	clients map[string]*addressLimit
	swept   time.Time
}

type addressLimit struct {
	limiter *rate.Limiter
	seen    time.Time
}

func newPerAddress(perMinute float64, burst int) *perAddress {
	return &perAddress{every: rate.Limit(perMinute / 60), burst: burst, clients: map[string]*addressLimit{}}
}

// maxAddresses bounds the addresses remembered.
const maxAddresses = 10000

// clientKey is the address a limit is kept for: an IPv4 address, an IPv6 /64.
func clientKey(addr string) string {
	ip := net.ParseIP(addr)
	if ip == nil || ip.To4() != nil {
		return addr
	}
	return ip.Mask(net.CIDRMask(64, 128)).String()
}

// allow reports whether addr may make one more request now.
func (p *perAddress) allow(addr string, now time.Time) bool {
	addr = clientKey(addr)
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.clients) >= maxAddresses {
		p.clients = map[string]*addressLimit{}
	}
	if now.Sub(p.swept) > time.Hour {
		for a, l := range p.clients {
			if now.Sub(l.seen) > time.Hour {
				delete(p.clients, a)
			}
		}
		p.swept = now
	}
	l := p.clients[addr]
	if l == nil {
		l = &addressLimit{limiter: rate.NewLimiter(p.every, p.burst)}
		p.clients[addr] = l
	}
	l.seen = now
	return l.limiter.AllowN(now, 1)
}

// middleware answers 429 to a client over its rate.
func (p *perAddress) middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !p.allow(c.RealIP(), time.Now()) {
			c.Response().Header().Set("Retry-After", "60")
			return echo.NewHTTPError(http.StatusTooManyRequests, "Terlalu banyak permintaan dari alamat Anda. Tunggu sebentar lalu coba lagi.")
		}
		return next(c)
	}
}
