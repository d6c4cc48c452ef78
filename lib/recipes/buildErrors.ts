// Client-safe. Recognises the build errors met in real compiles of Mesos on today's systems
// (docs/builds.md records each verbatim) in a failed job's output, and says in words what went
// wrong and which setting or package fixes it. Every pattern is a constant and linear-time: the
// lines come from a node.

export const BUILD_ERROR_IDS = [
  "werror",
  "zlib-check",
  "python2",
  "jdk-layout",
  "javah",
  "xlocale",
  "protobuf-error-message",
  "missing-dev-package",
  "maven-offline",
  "compiler-killed",
  "config-guess",
  "no-cxx-compiler",
] as const;
export type BuildErrorId = (typeof BUILD_ERROR_IDS)[number];

export interface KnownBuildError {
  id: BuildErrorId;
  title: string;
  /** What went wrong, in words. */
  what: string;
  /** The setting or package that fixes it. */
  fix: string;
  /** The log line it was recognised by. */
  line: string;
}

interface ErrorClass {
  id: BuildErrorId;
  title: string;
  matches: (line: string) => boolean;
  what: string | ((line: string) => string);
  fix: string | ((line: string) => string);
}

/** configure's words for a missing library → the Debian package that has it. */
const DEV_PACKAGES: [string, string][] = [
  ["configure: error: cannot find libcurl", "libcurl4-nss-dev"],
  ["configure: error: cannot find libapr-1", "libapr1-dev"],
  ["configure: error: cannot find libsvn_", "libsvn-dev"],
  ["configure: error: cannot find libsasl2", "libsasl2-dev"],
  // configure prints "configure: error: no" and this line under it.
  ["We need CRAM-MD5 support for SASL authentication", "libsasl2-modules"],
];
const devPackage = (line: string) => DEV_PACKAGES.find(([words]) => line.includes(words));

const CLASSES: ErrorClass[] = [
  {
    id: "werror",
    title: "A compiler warning made fatal by -Werror",
    matches: (l) => /\[-Werror=[a-z0-9+-]{1,60}\]/.test(l) || l.startsWith("cc1plus: all warnings being treated as errors"),
    what: "GCC 9 and later warn about code in Mesos (std::unary_function, parentheses, nonnull), and Mesos builds with -Werror unless configured with --disable-werror, so the first warning stops the build.",
    fix: "Turn on “Configure with --disable-werror” (mesosDisableWerror) and run Build again: configure runs again with --disable-werror.",
  },
  {
    id: "zlib-check",
    title: "configure could not find libz",
    matches: (l) => l.startsWith("configure: error: cannot find libz"),
    what: "configure's zlib test failed. In a git checkout bootstrapped with autoconf 2.70+ the test program itself is invalid C++ (config.log: 'gzread' was not declared in this scope); otherwise zlib1g-dev is missing.",
    fix: "Turn on “Answer configure's zlib check” (mesosZlibCheckFix) for git sources, or build from the release tarball (mesosSource: tarball); Prepare installs zlib1g-dev.",
  },
  {
    id: "python2",
    title: "The Python bindings need Python 2",
    matches: (l) =>
      l.startsWith("checking python2 module: google.protobuf... no") || l.includes("failed to find required module google.protobuf") || l.includes("Mesos requires Python < 3.0"),
    what: "Mesos's Python bindings build only with Python 2 and its protobuf module; this node has only Python 3 (Debian 12 and Ubuntu 24.04 no longer package Python 2).",
    fix: "Turn on “Configure with --disable-python” (mesosDisablePython): Marathon uses the Java bindings, not the Python ones.",
  },
  {
    id: "jdk-layout",
    title: "configure cannot find libjvm in this JDK",
    matches: (l) => l.includes("failed to determine linker flags for using Java"),
    what: "Mesos before 1.4.3 looks for libjvm.so only under $JAVA_HOME/jre/lib/<arch>/server, where JDK 8 keeps it; JDK 9 and later keep it in $JAVA_HOME/lib/server.",
    fix: "Choose Mesos 1.4.3 or later (mesosVersion; 1.11.0 is proven with JDK 17), or set jdkPackage to openjdk-8-jdk-headless where the OS still packages it (Ubuntu).",
  },
  {
    id: "javah",
    title: "javah is gone from this JDK",
    matches: (l) => /\/javah: (?:No such file or directory|not found|command not found)/.test(l) || l.startsWith("javah: not found"),
    what: "The Java bindings' headers are made with javah, which JDK 10 and later no longer have (Mesos 1.4.3 and later use javac -h).",
    fix: "Choose Mesos 1.4.3 or later (mesosVersion), or set jdkPackage to openjdk-8-jdk-headless where the OS still packages it.",
  },
  {
    id: "xlocale",
    title: "xlocale.h is gone from glibc",
    matches: (l) => l.includes("fatal error: xlocale.h: No such file or directory"),
    what: "Mesos 1.4.0's stout includes <xlocale.h>, which glibc removed in 2.26 (every current Debian and Ubuntu); Mesos 1.4.1 replaced it with <locale.h>.",
    fix: "Choose Mesos 1.4.3 or later (mesosVersion); 1.11.0 is the default and proven here.",
  },
  {
    id: "protobuf-error-message",
    title: "A newer system protobuf than Mesos was written for",
    matches: (l) => l.includes("has no member named 'error_message'"),
    what: "The build uses the system's protobuf (3.21 renamed util::Status::error_message() to message()) instead of the one bundled with Mesos; the CSI storage code no longer compiles.",
    fix: "Build with Mesos's bundled protobuf: leave --with-protobuf out (Armdeck's configure line does), from a release tarball (mesosSource: tarball) whose 3rdparty/ has it.",
  },
  {
    id: "missing-dev-package",
    title: "A build package is missing",
    matches: (l) => devPackage(l) !== undefined,
    what: (l) => `configure stopped: ${l.replace(/^configure: error: /, "").trim()}.`,
    fix: (l) => `Install ${devPackage(l)?.[1]} (Prepare installs it: run Prepare, then Build again).`,
  },
  {
    id: "maven-offline",
    title: "Maven could not download the Java bindings' dependencies",
    matches: (l) => /Could not (?:resolve dependencies|transfer artifact|resolve plugin)/.test(l),
    what: "make builds mesos.jar with Maven, which downloads its plugins and dependencies from Maven Central; the node could not reach it.",
    fix: "Let the node reach https://repo.maven.apache.org (or a mirror in ~/.m2/settings.xml), then run Build again.",
  },
  {
    id: "compiler-killed",
    title: "The compiler was killed (out of memory)",
    matches: (l) => l.includes("internal compiler error: Killed") || l.includes("Killed signal terminated program cc1plus"),
    what: "The kernel killed g++ for memory: each make job needs about 1 GB for Mesos's larger files, and Build runs one job per CPU.",
    fix: "Add memory or swap to the node (about 1 GB per CPU), then run Build again: make goes on where it stopped.",
  },
  {
    id: "config-guess",
    title: "An old config.guess does not know this architecture",
    matches: (l) => l.includes("cannot guess build type; you must specify one"),
    what: "A bundled library's config.guess predates aarch64, so its configure cannot name the machine.",
    fix: "Run Build again: on aarch64 Armdeck replaces the old config.guess files with automake's (mesos.fix-config-guess) after the first make.",
  },
  {
    id: "no-cxx-compiler",
    title: "No working C++ compiler",
    matches: (l) => l.includes("C++ compiler cannot create executables"),
    what: "configure found no g++ that can build a program.",
    fix: "Install build-essential (Prepare installs it), then run Build again.",
  },
];

const text = (v: string | ((line: string) => string), line: string) => (typeof v === "string" ? v : v(line));

/** Each known error class found in the output, once, in the order its first line appears. */
export function explainBuildErrors(output: string): KnownBuildError[] {
  const found = new Map<BuildErrorId, KnownBuildError>();
  for (const raw of output.split("\n")) {
    const line = raw.replace(/\r$/, "").slice(0, 2000);
    for (const c of CLASSES) {
      if (found.has(c.id) || !c.matches(line)) continue;
      found.set(c.id, { id: c.id, title: c.title, what: text(c.what, line), fix: text(c.fix, line), line: line.trim().slice(0, 400) });
    }
  }
  return [...found.values()];
}
