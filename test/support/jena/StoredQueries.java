import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.GraphUtil;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Runs SPARQL queries with Apache Jena ARQ over one TriG dataset, loaded once, whose default graph
 * is the RDF merge of the stored default graph and every named graph, as diplograph's engine has it
 * (Jena's own union graph, DatasetGraph.getUnionGraph() or TDB's unionDefaultGraph, leaves the stored
 * default graph out, and arq.sparql has no setting for an in-memory dataset). `GRAPH ?g` ranges over
 * the named graphs only.
 *
 * Usage: java StoredQueries DATASET.trig OUT-DIR QUERY.rq ...
 * writes OUT-DIR/NAME.srj (SPARQL JSON results) for SELECT and ASK, OUT-DIR/NAME.nt for CONSTRUCT
 * and DESCRIBE, where NAME is the query file's name without ".rq".
 */
public class StoredQueries {
  /**
   * The dataset of a TriG file as diplograph queries it: the default graph is the RDF merge of the
   * stored default graph and every named graph (a graph is a set, so a triple that several graphs
   * hold is in it once), and the named graphs are as stored. BenchQueries uses it too.
   */
  public static Dataset unionDataset(String path) {
    DatasetGraph loaded = RDFDataMgr.loadDatasetGraph(path);
    Graph merge = GraphFactory.createDefaultGraph();
    GraphUtil.addInto(merge, loaded.getDefaultGraph());
    DatasetGraph view = DatasetGraphFactory.create(merge);
    for (Iterator<Node> it = loaded.listGraphNodes(); it.hasNext();) {
      Node name = it.next();
      GraphUtil.addInto(merge, loaded.getGraph(name));
      view.addGraph(name, loaded.getGraph(name));
    }
    return DatasetFactory.wrap(view);
  }

  public static void main(String[] args) throws Exception {
    Dataset dataset = unionDataset(args[0]);
    for (int i = 2; i < args.length; i++) {
      Path file = Path.of(args[i]);
      String name = file.getFileName().toString().replaceAll("\\.rq$", "");
      Query query = QueryFactory.create(Files.readString(file, StandardCharsets.UTF_8));
      try (QueryExecution exec = QueryExecution.dataset(dataset).query(query).build()) {
        if (query.isSelectType()) {
          try (OutputStream out = new FileOutputStream(Path.of(args[1], name + ".srj").toFile())) {
            ResultSetFormatter.outputAsJSON(out, exec.execSelect());
          }
        } else if (query.isAskType()) {
          try (OutputStream out = new FileOutputStream(Path.of(args[1], name + ".srj").toFile())) {
            ResultSetFormatter.outputAsJSON(out, exec.execAsk());
          }
        } else {
          try (OutputStream out = new FileOutputStream(Path.of(args[1], name + ".nt").toFile())) {
            RDFDataMgr.write(out, query.isConstructType() ? exec.execConstruct() : exec.execDescribe(), Lang.NTRIPLES);
          }
        }
      }
    }
  }
}
