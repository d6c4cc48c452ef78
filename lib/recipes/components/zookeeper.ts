import { shQuote } from "../../shell/quote.ts";
import { say } from "../../shell/say.ts";
import { mesosTree } from "../recipeContext.ts";
import type { RecipeContext, StepDef } from "../recipeTypes.ts";
import { myidOf, zooCfgLines } from "./zooCfg.ts";

/** The ZooKeeper bundled in Mesos's 3rdparty/, whatever its version: found on the node, not assumed. */
export const findZookeeperDir = (c: RecipeContext) =>
  `zkdir=$(ls -d ${c.paths.mesos}/3rdparty/zookeeper-*/ 2>/dev/null | sort -V | tail -n 1)\nzkdir=\${zkdir%/}\nif [ -z "$zkdir" ]; then ${say(`no unpacked ZooKeeper in ${mesosTree(c.settings)}/3rdparty: run Build first`, true)}; exit 1; fi`;

export const zookeeperSteps: StepDef[] = [
  {
    id: "zookeeper.configure",
    component: "zookeeper",
    title: "Unpack the bundled ZooKeeper and write zoo.cfg",
    where: "master",
    after: ["mesos.fetch"],
    mutating: true,
    // Every line we own, exactly, and no server line more: a master added or removed changes the
    // ensemble, so the step runs again on every master.
    check: (c) => {
      const lines = zooCfgLines(c);
      const myid = myidOf(c);
      const servers = lines.filter((l) => l.startsWith("server.")).length;
      return [
        findZookeeperDir(c),
        'cfg="$zkdir/conf/zoo.cfg"',
        ...lines.map((l) => `grep -qxF ${shQuote(l)} "$cfg"`),
        `[ "$(grep -c '^server\\.' "$cfg")" = ${servers} ]`,
        myid ? `[ "$(cat ${c.q.armdeckDir}/zookeeper/myid 2>/dev/null)" = ${myid} ]` : "",
      ]
        .filter(Boolean)
        .join("\n");
    },
    run: (c) =>
      [
        `cd ${c.paths.mesos}/3rdparty`,
        "tarball=$(ls zookeeper-*.tar.gz | sort -V | tail -n 1)",
        'version=${tarball#zookeeper-}',
        'version=${version%.tar.gz}',
        'if [ ! -d "zookeeper-$version" ]; then tar xzf "$tarball"; fi',
        'cd "zookeeper-$version/conf"',
        "cp zoo_sample.cfg zoo.cfg",
        `mkdir -p ${c.q.armdeckDir}/zookeeper`,
        `sed -i -e '/^dataDir=/d' -e '/^clientPort=/d' -e '/^clientPortAddress=/d' -e '/^server\\./d' zoo.cfg`,
        `printf '%s\\n' ${zooCfgLines(c).map(shQuote).join(" ")} >> zoo.cfg`,
        myidOf(c)
          ? `printf '%s\\n' ${myidOf(c)} > ${c.q.armdeckDir}/zookeeper/myid\n${say(`ZooKeeper server id ${myidOf(c)} of ${c.masters.length} (myid in ${c.settings.armdeckDir}/zookeeper)`)}`
          : `rm -f ${c.q.armdeckDir}/zookeeper/myid`,
        'case "$version" in',
        '  3.[0-4].*) echo "[armdeck] ZooKeeper $version: no AdminServer, all four-letter words on; zoo.cfg is the sample with our port and data dir" ;;',
        "  *)",
        "    printf 'admin.enableServer=false\\n4lw.commands.whitelist=ruok,srvr,mntr,stat\\n' >> zoo.cfg",
        '    echo "[armdeck] ZooKeeper $version is 3.5 or newer: AdminServer turned off (it would take port 8080, Marathon\'s) and ruok,srvr,mntr,stat whitelisted for the status probe" ;;',
        "esac",
        'echo "[armdeck] zoo.cfg:"',
        "grep -v '^#' zoo.cfg | grep -v '^$'",
      ].join("\n"),
  },
];
