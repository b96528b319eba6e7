package dev.retort.it;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The symbolic references of a class file: every class, method and field it names, read from its
 * constant pool (JVMS 4.4) without loading the class.
 */
final class ClassReferences {

  private ClassReferences() {}

  /** Each reference as {@code owner.name} for members, or the class name, in internal form. */
  static List<String> of(InputStream classFile) throws IOException {
    DataInputStream in = new DataInputStream(classFile);
    if (in.readInt() != 0xCAFEBABE) throw new IOException("not a class file");
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    String[] utf8 = new String[count];
    int[][] refs = new int[count][];
    int[] tags = new int[count];
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      tags[i] = tag;
      switch (tag) {
        case 1 -> utf8[i] = in.readUTF();
        case 7, 8, 16, 19, 20 -> refs[i] = new int[] {in.readUnsignedShort()};
        case 3, 4 -> in.readInt();
        case 5, 6 -> {
          in.readLong();
          i++;
        }
        case 9, 10, 11, 12, 17, 18 ->
            refs[i] = new int[] {in.readUnsignedShort(), in.readUnsignedShort()};
        case 15 -> refs[i] = new int[] {in.readUnsignedByte(), in.readUnsignedShort()};
        default -> throw new IOException("unknown constant pool tag " + tag);
      }
    }
    List<String> references = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      if (tags[i] == 7) references.add(utf8[refs[i][0]]);
      if (tags[i] == 9 || tags[i] == 10 || tags[i] == 11) {
        String owner = utf8[refs[refs[i][0]][0]];
        String name = utf8[refs[refs[i][1]][0]];
        references.add(owner + "." + name);
      }
    }
    return references;
  }
}
