// Auth.js' routes, through our wrapper: every callback a fresh sign-in, a public session JSON.
export { GET, POST } from "@/lib/auth/route-handlers";
