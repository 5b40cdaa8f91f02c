import java.io.FileOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The Jena ARQ side of `npm run bench` (bench/run.ts): loads one TriG dataset once, with the same
 * dataset semantics as StoredQueries.java and diplograph's engine (the default graph is the RDF merge
 * of the stored default graph and every named graph; `GRAPH ?g` ranges over the named graphs), then
 * runs each query cold once, writing its answer, and then WARM more times, every run materialised in
 * full. A run over CAP seconds is stopped (QueryExecution timeout) and reported as timed out.
 *
 * Usage: java BenchQueries DATASET.trig OUT-DIR WARM CAP-SECONDS QUERY.rq ...
 * writes OUT-DIR/NAME.srj or OUT-DIR/NAME.nt and prints one JSON line: JVM start (ms from the JVM's
 * start to main), load (ms, heap MB after GC) and, per query, the cold and warm times in ms.
 */
public class BenchQueries {
  static long runOnce(Dataset dataset, Query query, long capMs, Path out) throws Exception {
    try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).timeout(capMs, TimeUnit.MILLISECONDS).build()) {
      if (query.isSelectType()) {
        ResultSetRewindable rows = ResultSetFactory.copyResults(exec.execSelect());
        if (out != null) try (OutputStream o = new FileOutputStream(out.toFile())) { ResultSetFormatter.outputAsJSON(o, rows); }
        return rows.size();
      } else if (query.isAskType()) {
        boolean yes = exec.execAsk();
        if (out != null) try (OutputStream o = new FileOutputStream(out.toFile())) { ResultSetFormatter.outputAsJSON(o, yes); }
        return 1;
      }
      Model m = query.isConstructType() ? exec.execConstruct() : exec.execDescribe();
      if (out != null) try (OutputStream o = new FileOutputStream(out.toFile())) { RDFDataMgr.write(o, m, Lang.NTRIPLES); }
      return m.size();
    }
  }

  public static void main(String[] args) throws Exception {
    long jvmStartMs = ManagementFactory.getRuntimeMXBean().getUptime();
    long t0 = System.nanoTime();
    Dataset dataset = StoredQueries.unionDataset(args[0]); // the same dataset as the interop test's
    double loadMs = (System.nanoTime() - t0) / 1e6;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    double heapMB = (rt.totalMemory() - rt.freeMemory()) / 1048576.0;
    int warm = Integer.parseInt(args[2]);
    long capMs = Long.parseLong(args[3]) * 1000;
    StringBuilder json = new StringBuilder();
    json.append("{\"engine\":\"jena\",\"jvmStartMs\":").append(jvmStartMs).append(",\"loadMs\":").append(loadMs)
        .append(",\"heapMB\":").append(heapMB).append(",\"queries\":[");
    for (int i = 4; i < args.length; i++) {
      Path file = Path.of(args[i]);
      String name = file.getFileName().toString().replaceAll("\\.rq$", "");
      Query query = QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8));
      List<Double> runs = new ArrayList<>();
      long rows = -1;
      boolean timedOut = false;
      double total = 0;
      for (int r = 0; r <= warm; r++) {
        long s = System.nanoTime();
        try {
          rows = runOnce(dataset, query, capMs, r == 0 ? Path.of(args[1], name + (query.isConstructType() || query.isDescribeType() ? ".nt" : ".srj")) : null);
        } catch (QueryCancelledException e) {
          timedOut = true;
          break;
        }
        double ms = (System.nanoTime() - s) / 1e6;
        runs.add(ms);
        total += ms;
        if (total > capMs) break;
      }
      if (i > 4) json.append(',');
      json.append("{\"query\":\"").append(name).append("\",\"rows\":").append(rows).append(",\"timedOut\":").append(timedOut).append(",\"runs\":[");
      for (int r = 0; r < runs.size(); r++) json.append(r > 0 ? "," : "").append(runs.get(r));
      json.append("]}");
    }
    json.append("]}");
    System.out.println(json);
  }
}
