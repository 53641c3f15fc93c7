/* readback.c - reads a GraphML file back with igraph (with attribute
 * handling on, so every <data> value is parsed) and checks that the node and
 * edge counts match what the file declares. Used by scripts/catalogue.sh and
 * scripts/faults.sh. Exit 0 when the file reads back, 1 otherwise.
 *
 *   readback FILE.graphml [NODES EDGES]
 */
#include <igraph.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: readback FILE.graphml [NODES EDGES]\n");
        return 2;
    }
    FILE *fp = fopen(argv[1], "rb");
    if (!fp) {
        perror(argv[1]);
        return 1;
    }
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_set_error_handler(igraph_error_handler_printignore);
    igraph_t g;
    igraph_error_t rc = igraph_read_graph_graphml(&g, fp, 0);
    fclose(fp);
    if (rc != IGRAPH_SUCCESS) {
        fprintf(stderr, "readback: %s: igraph cannot read it (%s)\n", argv[1],
                igraph_strerror(rc));
        return 1;
    }
    long nv = (long)igraph_vcount(&g), ne = (long)igraph_ecount(&g);
    int bad = 0;
    if (!igraph_is_directed(&g)) {
        fprintf(stderr, "readback: %s: graph is not directed\n", argv[1]);
        bad = 1;
    }
    if (argc == 4 && (nv != atol(argv[2]) || ne != atol(argv[3]))) {
        fprintf(stderr, "readback: %s: igraph sees %ld nodes, %ld edges; file has %s, %s\n",
                argv[1], nv, ne, argv[2], argv[3]);
        bad = 1;
    }
    if (nv > 0 && !igraph_cattribute_has_attr(&g, IGRAPH_ATTRIBUTE_VERTEX, "label")) {
        fprintf(stderr, "readback: %s: nodes have no label attribute\n", argv[1]);
        bad = 1;
    }
    printf("%ld %ld\n", nv, ne);
    igraph_destroy(&g);
    return bad;
}
