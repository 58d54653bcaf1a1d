module arcactions.local/tools/gitserver

go 1.26.8

require (
	github.com/fluxcd/gitkit v0.6.0
	golang.org/x/crypto v0.44.0
)

require (
	github.com/gofrs/uuid v4.2.0+incompatible // indirect
	golang.org/x/sys v0.38.0 // indirect
)
