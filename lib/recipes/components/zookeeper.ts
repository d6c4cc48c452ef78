import { say } from "../../shell/say.ts";
import { mesosTree } from "../recipeContext.ts";
import type { RecipeContext, StepDef } from "../recipeTypes.ts";

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
    check: (c) =>
      [
        findZookeeperDir(c),
        'cfg="$zkdir/conf/zoo.cfg"',
        `grep -qx "clientPort=${c.settings.zookeeperPort}" "$cfg" && grep -qx "clientPortAddress="${c.master.qAddress} "$cfg" && grep -qx "dataDir="${c.q.armdeckDir}"/zookeeper" "$cfg"`,
      ].join("\n"),
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
        `sed -i -e '/^dataDir=/d' -e '/^clientPort=/d' -e '/^clientPortAddress=/d' zoo.cfg`,
        `printf 'dataDir=%s/zookeeper\\nclientPort=%s\\nclientPortAddress=%s\\n' ${c.q.armdeckDir} ${c.settings.zookeeperPort} ${c.master.qAddress} >> zoo.cfg`,
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
