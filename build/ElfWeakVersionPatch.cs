// Compiled by RoslynCodeTaskFactory against netstandard2.0, so only APIs from there.
// MSBuild task: makes a missing GLIBCXX version node optional in a copy of libLibTorchSharp.so.
// Why: the TorchSharp 0.107.0 wrapper is linked against GCC 13's libstdc++ (GLIBCXX_3.4.32) but only
// references, never calls, the one symbol that needs it. See shared/docs/torchsharp-debian12.md.
#nullable enable
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ElfWeakVersionPatch : Task
{
    /// <summary>The ELF64 shared object to patch in place (a copy in the output folder).</summary>
    [Required] public string File { get; set; } = "";

    /// <summary>The version node to make weak, e.g. GLIBCXX_3.4.32.</summary>
    [Required] public string Version { get; set; } = "";

    /// <summary>Candidate paths of the system libstdc++; the patch runs only if the first existing one lacks Version.</summary>
    public string LibStdCxxCandidates { get; set; } = "";

    /// <summary>True when the file was changed by this run.</summary>
    [Output] public bool Patched { get; set; }

    public override bool Execute()
    {
        if (!System.IO.File.Exists(File)) { Log.LogMessage(MessageImportance.Low, "ElfWeakVersionPatch: {0} not found, nothing to do", File); return true; }
        string? libstdcxx = null;
        foreach (var c in LibStdCxxCandidates.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries))
            if (System.IO.File.Exists(c)) { libstdcxx = c; break; }
        if (libstdcxx == null) { Log.LogMessage(MessageImportance.Low, "ElfWeakVersionPatch: no system libstdc++ found, skipping"); return true; }
        if (Contains(System.IO.File.ReadAllBytes(libstdcxx), Encoding.ASCII.GetBytes(Version + "\0")))
        {
            Log.LogMessage(MessageImportance.Low, "ElfWeakVersionPatch: {0} provides {1}, no patch needed", libstdcxx, Version);
            return true;
        }
        try
        {
            var bytes = System.IO.File.ReadAllBytes(File);
            int changed = Patch(bytes, Version);
            if (changed > 0)
            {
                var tmp = File + ".patching";
                System.IO.File.WriteAllBytes(tmp, bytes);
                System.IO.File.Copy(tmp, File, true);
                System.IO.File.Delete(tmp);
                Patched = true;
                Log.LogMessage(MessageImportance.High, "ElfWeakVersionPatch: made {0} weak in {1} ({2} symbols)", Version, File, changed - 1);
            }
            return true;
        }
        catch (Exception e)
        {
            Log.LogError("ElfWeakVersionPatch: cannot patch {0}: {1}", File, e.Message);
            return false;
        }
    }

    static bool Contains(byte[] hay, byte[] needle)
    {
        for (int i = 0; i + needle.Length <= hay.Length; i++)
        {
            if (hay[i] != needle[0]) continue;
            int j = 1;
            while (j < needle.Length && hay[i + j] == needle[j]) j++;
            if (j == needle.Length) return true;
        }
        return false;
    }

    static ushort U16(byte[] b, long o) => BitConverter.ToUInt16(b, (int)o);
    static uint U32(byte[] b, long o) => BitConverter.ToUInt32(b, (int)o);
    static ulong U64(byte[] b, long o) => BitConverter.ToUInt64(b, (int)o);
    static void W16(byte[] b, long o, ushort v) => BitConverter.GetBytes(v).CopyTo(b, (int)o);

    static string CString(byte[] b, long o)
    {
        int end = (int)o;
        while (b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)o, end - (int)o);
    }

    /// <summary>Returns the number of edits made (0 when already patched or absent).</summary>
    public static int Patch(byte[] elf, string version)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (elf[4] != 2 || elf[5] != 1) throw new InvalidDataException("not a little-endian ELF64 file");
        ulong shoff = U64(elf, 0x28);
        ushort shentsize = U16(elf, 0x3A), shnum = U16(elf, 0x3C);
        long verneed = -1, versym = -1, dynsym = -1;
        for (int i = 0; i < shnum; i++)
        {
            long sh = (long)shoff + i * shentsize;
            uint type = U32(elf, sh + 4);
            if (type == 0x6ffffffe) verneed = sh;
            else if (type == 0x6fffffff) versym = sh;
            else if (type == 11) dynsym = sh;
        }
        if (verneed < 0 || versym < 0 || dynsym < 0) return 0;
        long strtabSh = (long)shoff + U32(elf, verneed + 0x28) * shentsize;
        long strtab = (long)U64(elf, strtabSh + 0x18);

        int edits = 0;
        int index = -1;
        long vn = (long)U64(elf, verneed + 0x18);
        uint vnCount = U32(elf, verneed + 0x2C); // sh_info = number of entries
        for (uint n = 0; n < vnCount; n++)
        {
            ushort cnt = U16(elf, vn + 2);
            long aux = vn + U32(elf, vn + 8);
            for (int a = 0; a < cnt; a++)
            {
                if (CString(elf, strtab + U32(elf, aux + 8)) == version)
                {
                    ushort flags = U16(elf, aux + 4);
                    if ((flags & 0x2) == 0) { W16(elf, aux + 4, (ushort)(flags | 0x2)); edits++; }
                    index = U16(elf, aux + 6);
                }
                aux += U32(elf, aux + 12);
            }
            uint next = U32(elf, vn + 12);
            if (next == 0) break;
            vn += next;
        }
        if (index < 0) return edits;

        long symOff = (long)U64(elf, dynsym + 0x18);
        long symCount = (long)(U64(elf, dynsym + 0x20) / 24);
        long verOff = (long)U64(elf, versym + 0x18);
        for (long s = 0; s < symCount; s++)
        {
            long sym = symOff + s * 24;
            long ver = verOff + s * 2;
            if (U16(elf, sym + 6) != 0) continue; // only undefined symbols
            if ((U16(elf, ver) & 0x7fff) != index) continue;
            elf[sym + 4] = (byte)((2 << 4) | (elf[sym + 4] & 0xf));
            W16(elf, ver, 1);
            edits++;
        }
        return edits;
    }
}
