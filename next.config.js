/** @type {import('next').NextConfig} */
const nextConfig = {
  // server.ts serves Next itself, so no standalone output; these stay native Node modules
  // instead of being bundled (native addons and Prisma's generated client).
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "ssh2", "cpu-features", "pino"],
  poweredByHeader: false,
  reactStrictMode: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
