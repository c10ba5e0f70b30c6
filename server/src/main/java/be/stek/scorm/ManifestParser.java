package be.stek.scorm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads {@code imsmanifest.xml} of SCORM 1.2 and 2004 (2nd–4th edition) packages, namespace-aware: elements are
 * matched by namespace and local name, never by prefix, so {@code adlcp:scormtype} (1.2) and {@code adlcp:scormType}
 * (2004) are both found whatever prefix a package uses. No DOCTYPE, no external entities.
 */
final class ManifestParser {
    static final String CP_12 = "http://www.imsproject.org/xsd/imscp_rootv1p1p2";
    static final String CP_2004 = "http://www.imsglobal.org/xsd/imscp_v1p1";
    static final String ADLCP_12 = "http://www.adlnet.org/xsd/adlcp_rootv1p2";
    static final String ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3";
    static final String IMSSS = "http://www.imsglobal.org/xsd/imsss";
    private static final String XML_NS = XMLConstants.XML_NS_URI;
    /** Deepest element nesting accepted; real manifests stay far below (LOM metadata and nested items included). */
    static final int MAX_DEPTH = 64;

    private ManifestParser() {
    }

    static Manifest parse(byte[] xml) throws ImportRefused {
        Element root = document(xml).getDocumentElement();
        if (!"manifest".equals(root.getLocalName())
                || !(CP_12.equals(root.getNamespaceURI()) || CP_2004.equals(root.getNamespaceURI()))) {
            throw new ImportRefused("scorm.refused.notAManifest");
        }
        String ns = root.getNamespaceURI();
        String schemaVersion = text(child(child(root, ns, "metadata"), ns, "schemaversion"));
        ScormVersion version = version(ns, schemaVersion);
        Map<String, Element> resources = resources(root, ns);
        String base = attr(root, XML_NS, "base");
        Element orgs = child(root, ns, "organizations");
        Element org = organization(orgs, ns);
        List<Manifest.Item> items = new ArrayList<>();
        String title = null;
        if (org != null) {
            title = text(child(org, ns, "title"));
            var context = new Context(ns, version, resources, base, ObjectiveReader.collection(root));
            for (Element item : children(org, ns, "item")) {
                addItem(items, item, 0, context);
            }
        }
        if (items.stream().noneMatch(Manifest.Item::launchable)) {
            throw new ImportRefused("scorm.refused.nothingToLaunch");
        }
        String id = root.getAttribute("identifier");
        return new Manifest(id.isBlank() ? "manifest" : id, version,
                schemaVersion == null ? (version == ScormVersion.SCORM_12 ? "1.2" : "CAM 1.3") : schemaVersion,
                title == null || title.isBlank() ? (id.isBlank() ? "SCORM" : id) : title.strip(), List.copyOf(items));
    }

    /** The manifest as a document: namespace-aware, no DOCTYPE, no external entities, at most 64 levels deep. */
    static Document document(byte[] xml) throws ImportRefused {
        checkDepth(xml);
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder builder = f.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new ImportRefused("scorm.refused.brokenXml", firstLine(e.getMessage()));
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("XML parser: " + e.getMessage(), e);
        }
    }

    /**
     * Refuses a manifest nested deeper than {@link #MAX_DEPTH}, in one streaming pass before the document is built:
     * deep nesting made the recursive walks over the tree overflow the stack. XML this pass cannot read is left to the
     * document parser, which says what is wrong with it.
     */
    private static void checkDepth(byte[] xml) throws ImportRefused {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            int depth = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
                    throw new ImportRefused("scorm.refused.tooDeep", MAX_DEPTH);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            // not well-formed: the document parser reports it
        }
    }

    private static ScormVersion version(String ns, String schemaVersion) {
        if (schemaVersion != null && schemaVersion.strip().equals("1.2")) {
            return ScormVersion.SCORM_12;
        }
        if (schemaVersion != null && !schemaVersion.isBlank()) {
            return ScormVersion.SCORM_2004;
        }
        return CP_12.equals(ns) ? ScormVersion.SCORM_12 : ScormVersion.SCORM_2004;
    }

    private static Element organization(Element orgs, String ns) {
        if (orgs == null) {
            return null;
        }
        List<Element> all = children(orgs, ns, "organization");
        String wanted = orgs.getAttribute("default");
        return all.stream().filter(o -> o.getAttribute("identifier").equals(wanted)).findFirst()
                .orElse(all.isEmpty() ? null : all.get(0));
    }

    private static Map<String, Element> resources(Element root, String ns) {
        Map<String, Element> map = new HashMap<>();
        Element resources = child(root, ns, "resources");
        if (resources != null) {
            for (Element r : children(resources, ns, "resource")) {
                map.put(r.getAttribute("identifier"), r);
            }
        }
        return map;
    }

    /** What every item of one manifest is read with. */
    private record Context(String ns, ScormVersion version, Map<String, Element> resources, String manifestBase,
                           Map<String, Element> collection) {
    }

    private static void addItem(List<Manifest.Item> out, Element item, int depth, Context cx) throws ImportRefused {
        String ns = cx.ns();
        String id = item.getAttribute("identifier");
        String title = text(child(item, ns, "title"));
        String ref = item.getAttribute("identifierref");
        String launch = null;
        String type = null;
        if (!ref.isBlank()) {
            Element res = cx.resources().get(ref);
            if (res == null) {
                throw new ImportRefused("scorm.refused.unknownResource", ref);
            }
            String href = res.getAttribute("href");
            if (!href.isBlank()) {
                Element container = (Element) res.getParentNode();
                launch = withParameters(join(cx.manifestBase(), attr(container, XML_NS, "base"), attr(res, XML_NS, "base"),
                        href), item.getAttribute("parameters"));
            }
            type = scormType(res);
        }
        out.add(new Manifest.Item(id, depth, title == null || title.isBlank() ? id : title.strip(), launch, type,
                LaunchValueReader.read(item, cx.version()), cx.version() == ScormVersion.SCORM_12 ? List.of()
                        : ObjectiveReader.read(item, cx.collection())));
        for (Element child : children(item, ns, "item")) {
            addItem(out, child, depth + 1, cx);
        }
    }

    private static String scormType(Element res) {
        for (String ns : new String[] {ADLCP_12, ADLCP_2004}) {
            for (String name : new String[] {"scormtype", "scormType"}) {
                String v = attr(res, ns, name);
                if (v != null && !v.isBlank()) {
                    return v.strip().toLowerCase(java.util.Locale.ROOT);
                }
            }
        }
        return "asset";
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) {
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/') {
                sb.append('/');
            }
            sb.append(p.strip());
        }
        return sb.toString();
    }

    static String withParameters(String href, String parameters) {
        if (parameters == null || parameters.isBlank()) {
            return href;
        }
        String p = parameters.strip();
        if (p.startsWith("?") || p.startsWith("#")) {
            return href.contains("?") && p.startsWith("?") ? href + "&" + p.substring(1) : href + p;
        }
        return href + (href.contains("?") ? "&" : "?") + p;
    }

    static Element child(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }

    static String attr(Element e, String ns, String local) {
        return e == null || !e.hasAttributeNS(ns, local) ? null : e.getAttributeNS(ns, local);
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).replaceAll("\\s+", " ");
    }
}
