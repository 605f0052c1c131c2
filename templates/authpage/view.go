package authpage

// LoginForm is what the sign-in page shows and keeps between attempts.
type LoginForm struct {
	Username string
	Next     string
	Error    string
}
