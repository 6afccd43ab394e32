// Stand-in for the 'server-only' marker package when modules run under Vitest (plain Node).
export {};
